import { useLayoutEffect, useRef, type MouseEvent, type ReactNode } from 'react';

interface ModalDialogProps {
  className: string;
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
  /** Whether Escape and a backdrop click may close it (false while work that must not be left is running). */
  closable?: boolean;
}

/**
 * A native modal <dialog>: the browser gives focus trapping, Escape, the top layer and focus return for free.
 * Mount it to open it; every way of closing it arrives through onClose.
 */
export function ModalDialog({ className, labelledBy, onClose, children, closable = true }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    // jsdom (unit tests) has no showModal; an open non-modal dialog is the closest it can show.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);

  // A click on the backdrop lands on the <dialog> itself, not on its content.
  const onBackdropClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (closable && event.target === event.currentTarget) onClose();
  };

  return (
    <dialog
      ref={ref}
      className={`modal-dialog ${className}`}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        if (!closable) event.preventDefault();
      }}
      onClose={onClose}
      onClick={onBackdropClick}
    >
      {children}
    </dialog>
  );
}
