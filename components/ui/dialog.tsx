"use client";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A modal on the native <dialog> element: focus trap, Esc and backdrop for free. */
export function Dialog({
  open, onClose, title, description, children, footer, wide, dismissable = true,
}: {
  open: boolean; onClose: () => void; title: ReactNode; description?: ReactNode;
  children?: ReactNode; footer?: ReactNode; wide?: boolean;
  /** false: Esc and backdrop clicks do nothing; the footer's buttons must decide. */
  dismissable?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onCancel={(e) => { if (!dismissable) e.preventDefault(); }}
      onClick={(e) => { if (dismissable && e.target === ref.current) onClose(); }}
      className={cn(
        "m-auto rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40",
        wide ? "w-[min(64rem,95vw)]" : "w-[min(32rem,95vw)]",
      )}
    >
      {open ? (
        <div className="flex max-h-[85vh] flex-col">
          <div className="border-b border-slate-100 px-6 py-4">
            <h2 id={titleId} className="text-base font-semibold">{title}</h2>
            {description ? <p id={descriptionId} className="mt-1 text-sm text-slate-500">{description}</p> : null}
          </div>
          <div className="overflow-y-auto px-6 py-4">{children}</div>
          {footer ? <div className="flex justify-end gap-2 border-t border-slate-100 bg-slate-50 px-6 py-3 rounded-b-xl">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}
