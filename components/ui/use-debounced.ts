import { useEffect, useState } from "react";

/** A value that follows `value` once it has stopped changing for `ms` (the probe dialogs' estimates, the persona search box: one request per pause, not per keystroke). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
