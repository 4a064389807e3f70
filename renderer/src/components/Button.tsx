import type { ButtonProps } from 'react-aria-components';
import { Button as AriaButton } from 'react-aria-components';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export function Button({
  variant = 'secondary',
  className,
  ...props
}: ButtonProps & { variant?: Variant }) {
  return (
    <AriaButton
      {...props}
      className={`btn btn-${variant} ${typeof className === 'string' ? className : ''}`}
    />
  );
}
