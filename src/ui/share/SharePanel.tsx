/** "Share": makes a link that reopens this module, function, input and settings. */
import { useShare } from '../../state/shareStore';
import { useModule } from '../../state/moduleStore';

export function SharePanel() {
  const link = useShare((s) => s.link);
  const error = useShare((s) => s.error);
  const share = useShare((s) => s.share);
  const hasModule = useModule((s) => s.current !== null);

  return (
    <div className="share">
      <button
        type="button"
        disabled={!hasModule}
        onClick={() => {
          const made = share();
          if (made) void navigator.clipboard?.writeText(made).catch(() => undefined);
        }}
      >
        Share
      </button>
      {link && <input aria-label="Share link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />}
      {error && (
        <p role="alert" className="error-text share-error">
          {error}
        </p>
      )}
    </div>
  );
}
