import type { ButtonHTMLAttributes } from 'react';

/**
 * A row action in a list (edit, delete, move): a plain <button> that looks like the ghost
 * Button. A list of hundreds of rows with React Aria buttons spends most of its first frame
 * setting up their press and hover handling; a native button needs none of it.
 */
export function RowButton({ className = '', ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" {...props} className={`btn btn-ghost btn-light ${className}`} />;
}
