import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A screen's heading. It takes the focus when the screen appears, so keyboard and
 * screen-reader users start at the top of what just changed.
 */
export function ScreenHeading({ children, focusOnMount = true }: { children: ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h2 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h2>
  );
}
