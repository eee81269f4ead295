import { useEffect, useRef } from 'react';
import { liveKeyAction, type LiveKeyAction } from '../../shared/live/live-keys';

/** Input types where letters and digits are typed: every shortcut is off there. */
const TEXT_INPUTS = new Set([
  'text',
  'search',
  'password',
  'number',
  'email',
  'url',
  'tel',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/**
 * What the focus is on, for the shortcuts:
 * - text: a field one types in (text-like input, textarea, contenteditable): no shortcut;
 * - choice: a list (select): it keeps its own keys (arrows, letters that pick an option), only P works;
 * - control: a button, link, checkbox, radio…: Space/Enter are the control's own, the rest work;
 * - none: anything else, every shortcut works.
 */
export type FocusKind = 'text' | 'choice' | 'control' | 'none';

export function focusKind(el: Element | null): FocusKind {
  if (!(el instanceof HTMLElement)) return 'none';
  if (el.isContentEditable || el.tagName === 'TEXTAREA') return 'text';
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type) ? 'text' : 'control';
  if (el.tagName === 'SELECT') return 'choice';
  const role = el.getAttribute('role');
  if (role === 'textbox' || role === 'searchbox' || role === 'combobox') return 'text';
  if (role === 'listbox' || role === 'slider' || role === 'spinbutton') return 'choice';
  if (
    el instanceof HTMLButtonElement ||
    el instanceof HTMLAnchorElement ||
    el.tagName === 'SUMMARY' ||
    (role !== null && ['button', 'switch', 'checkbox', 'radio', 'tab', 'link', 'menuitem'].includes(role))
  )
    return 'control';
  return 'none';
}

/**
 * 1–9, Space/Enter, M, P on the live view; silent while the focus is in a text field, and only P
 * in a list (a select). On a focused control Space/Enter press that control, unless
 * `takeFrom(button)` says pressing it again would change nothing (the scene button just chosen
 * for the preview): then they Take.
 */
export function useLiveShortcuts(
  onAction: (action: LiveKeyAction) => void,
  active = true,
  takeFrom: (button: Element) => boolean = () => false,
): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  const takeOk = useRef(takeFrom);
  takeOk.current = takeFrom;
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      const focus = document.activeElement;
      const kind = focusKind(focus);
      const action = liveKeyAction({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        repeat: event.repeat,
        typing: kind === 'text',
        onButton: kind === 'control' && !takeOk.current(focus!),
      });
      if (!action || (kind === 'choice' && action.type !== 'privacy')) return;
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
