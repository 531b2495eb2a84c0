/** "New WAT": start a module from WAT text in the editor (placed near Load by the layout). */
import { useWatEditor } from '../../state/watEditorStore';

export function NewWatButton() {
  const openNew = useWatEditor((s) => s.openNew);
  return (
    <button type="button" title="Write a module in the WebAssembly text format" onClick={openNew}>
      New WAT
    </button>
  );
}
