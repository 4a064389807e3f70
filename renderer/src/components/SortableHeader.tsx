import { flexRender, type Header } from '@tanstack/react-table';

/** A TanStack column header: a sort button with aria-sort when the column sorts, plain text otherwise. */
export function SortableHeader<T>({
  header,
  className,
}: {
  header: Header<T, unknown>;
  className?: string;
}) {
  const sorted = header.column.getIsSorted();
  const label = flexRender(header.column.columnDef.header, header.getContext());
  return (
    <th
      scope="col"
      className={className}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
    >
      {header.column.getCanSort() ? (
        <button
          type="button"
          className="sort-button"
          onClick={header.column.getToggleSortingHandler()}
        >
          {label}
          <span aria-hidden="true" className="sort-mark">
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
          </span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}
