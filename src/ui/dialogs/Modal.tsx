/** A modal on the native <dialog> element: focus trap, Escape to close and the dialog role for free. */
import { type ReactNode, useEffect, useRef } from 'react';

export function Modal({
  title,
  onClose,
  children,
  role,
  className,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  role?: 'alertdialog';
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop click mirrors Escape, which onCancel handles
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      role={role}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === ref.current) onClose();
      }}
    >
      <div className="modal__body">
        <h2>{title}</h2>
        {children}
      </div>
    </dialog>
  );
}
