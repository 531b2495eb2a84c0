/**
 * The field's `name: type` label (a group's name for flags checkboxes) and its "Edit as JSON" switch
 * (`asJson` null: the field is JSON only).
 */
export function FieldHead({ id, label, group, asJson, onAsJson }: { id: string; label: string; group: boolean; asJson: boolean | null; onAsJson(on: boolean): void }) {
  return (
    <div className="wit-head">
      {group ? (
        <span id={`${id}-label`} className="wit-label">
          <code>{label}</code>
        </span>
      ) : (
        <label htmlFor={id} className="wit-label">
          <code>{label}</code>
        </label>
      )}
      {asJson !== null && (
        <label className="inline as-json">
          <input type="checkbox" checked={asJson} onChange={(e) => onAsJson(e.target.checked)} /> Edit as JSON
        </label>
      )}
    </div>
  );
}
