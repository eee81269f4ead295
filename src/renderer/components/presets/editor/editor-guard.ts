import { create } from 'zustand';

/**
 * Which preset is open in the editor and whether it has unsaved changes, so that leaving it
 * (another preset, Back, Escape) asks first instead of throwing the changes away.
 */
interface EditorGuard {
  editingId: string | null;
  dirty: boolean;
  /** What to do once the user agrees to discard the changes. */
  pendingLeave: (() => void) | null;
}

export const useEditorGuard = create<EditorGuard>()(() => ({ editingId: null, dirty: false, pendingLeave: null }));

export const openEditor = (presetId: string): void =>
  useEditorGuard.setState({ editingId: presetId, dirty: false, pendingLeave: null });
export const closeEditor = (): void => useEditorGuard.setState({ editingId: null, dirty: false, pendingLeave: null });
export const setEditorDirty = (dirty: boolean): void => {
  if (useEditorGuard.getState().dirty !== dirty) useEditorGuard.setState({ dirty });
};

/** Runs `leave` now, or — with unsaved changes — once the user chooses to discard them. */
export function guardLeave(leave: () => void): void {
  const { editingId, dirty } = useEditorGuard.getState();
  if (editingId && dirty) {
    useEditorGuard.setState({ pendingLeave: leave });
    return;
  }
  if (editingId) closeEditor();
  leave();
}

export function confirmLeave(): void {
  const { pendingLeave } = useEditorGuard.getState();
  closeEditor();
  pendingLeave?.();
}

export const cancelLeave = (): void => useEditorGuard.setState({ pendingLeave: null });
