/**
 * The JSON editor of one argument: a monospace textarea (Monaco is not worth loading for a value),
 * sized to its text, with a button that puts the type's template back.
 */
export function JsonField({
  id,
  label,
  text,
  onText,
  onTemplate,
  invalid,
}: {
  id: string;
  label: string;
  text: string;
  onText(text: string): void;
  onTemplate(): void;
  invalid: { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };
}) {
  const lines = text.split('\n', 16).length;
  return (
    <div className="json-field">
      <textarea
        id={id}
        className="json-editor"
        spellCheck={false}
        autoComplete="off"
        rows={Math.min(14, Math.max(2, lines))}
        value={text}
        onChange={(e) => onText(e.target.value)}
        {...invalid}
      />
      <button type="button" className="link" onClick={onTemplate} title={`Replace with an example value of ${label}`}>
        Template
      </button>
    </div>
  );
}
