/** Which volume the Files panel shows; create and delete volumes. */
import { useState } from 'react';
import { useFiles } from '../../state/filesStore';
import { ConfirmDelete } from './ConfirmDelete';

export function VolumePicker() {
  const volumes = useFiles((s) => s.volumes);
  const volume = useFiles((s) => s.volume);
  const [mode, setMode] = useState<'idle' | 'create' | 'delete'>('idle');
  const [name, setName] = useState('');

  if (mode === 'create') {
    return (
      <form
        className="inline volume-form"
        onSubmit={(e) => {
          e.preventDefault();
          void useFiles.getState().createVolume(name);
          setName('');
          setMode('idle');
        }}
      >
        <input aria-label="Volume name" value={name} autoFocus spellCheck={false} placeholder="name" onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setMode('idle')} />
        <button type="submit" disabled={!name.trim()}>
          Create volume
        </button>
        <button type="button" onClick={() => setMode('idle')}>
          Cancel
        </button>
      </form>
    );
  }
  if (mode === 'delete') {
    return (
      <ConfirmDelete
        className="inline volume-form"
        label={`Delete volume ${volume}?`}
        onConfirm={() => {
          void useFiles.getState().deleteVolume(volume);
          setMode('idle');
        }}
        onCancel={() => setMode('idle')}
      >
        Delete {volume} and all its files?
      </ConfirmDelete>
    );
  }
  return (
    <span className="inline volume-picker">
      <select aria-label="Volume" value={volume} onChange={(e) => void useFiles.getState().selectVolume(e.target.value)}>
        {volumes.length === 0 && <option value={volume}>{volume}</option>}
        {volumes.map((v) => (
          <option key={v.name} value={v.name}>
            {v.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => setMode('create')}>
        New volume
      </button>
      <button type="button" onClick={() => setMode('delete')}>
        Delete volume
      </button>
    </span>
  );
}
