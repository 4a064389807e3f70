import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './Button';

interface Props {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

/** A modal dialog: focus is trapped inside, Esc closes, the page behind is inert. */
export function FormDialog({ title, isOpen, onClose, children, wide }: Props) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
      isDismissable
      className="modal-overlay"
    >
      <Modal className={`modal ${wide ? 'modal-wide' : ''}`}>
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

interface ConfirmProps {
  title: string;
  text: string;
  confirmLabel: string;
  isOpen: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  danger?: boolean;
}

export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  isOpen,
  onCancel,
  onConfirm,
  danger = true,
}: ConfirmProps) {
  const { t } = useTranslation();
  return (
    <FormDialog title={title} isOpen={isOpen} onClose={onCancel}>
      <p className="dialog-text">{text}</p>
      <div className="form-actions">
        <Button onPress={onCancel}>{t('common.cancel')}</Button>
        <Button variant={danger ? 'danger' : 'primary'} onPress={onConfirm} autoFocus>
          {confirmLabel}
        </Button>
      </div>
    </FormDialog>
  );
}
