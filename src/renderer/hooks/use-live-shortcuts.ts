import { useEffect, useRef } from 'react';
import type { BibblanApi } from '../../shared/api-bridge';
import { liveKeyAction, type LiveKeyAction } from '../../shared/live/live-keys';
import type { Result } from '../../shared/result';

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

/**
 * P on the screens without the live view (Programs, the log, settings, Sänd before going live):
 * the privacy cut, or its undo, as the core holds it now. Off in text fields, like every shortcut.
 */
export function usePrivacyKey(api: BibblanApi, active: boolean, onResult?: (result: Result<unknown>) => void): void {
  const report = useRef(onResult);
  report.current = onResult;
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (focusKind(document.activeElement) === 'text') return;
      const action = liveKeyAction({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        repeat: event.repeat,
        typing: false,
        onButton: true,
      });
      if (action?.type !== 'privacy') return;
      event.preventDefault();
      void (async () => {
        const state = await api.live.getState();
        if (!state.ok) return report.current?.(state);
        const result = await (state.value.privacy.active ? api.live.privacyRestore() : api.live.privacyCut());
        report.current?.(result);
      })();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, active]);
}
