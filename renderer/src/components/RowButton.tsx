import type { ButtonHTMLAttributes } from 'react';

/**
 * A row action in a list (edit, delete, move): a plain <button> that looks like the app's
 * Button (ghost unless told). A list of hundreds of rows with React Aria buttons spends most
 * of its first frame setting up their press and hover handling; a native button needs none.
 */
export function RowButton({
  variant = 'ghost',
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'ghost' | 'secondary' }) {
  return (
    <button type="button" {...props} className={`btn btn-${variant} btn-light ${className}`} />
  );
}
