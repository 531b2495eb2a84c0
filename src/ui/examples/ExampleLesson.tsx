/** The opened example's lesson line, with links to its source files, until another module loads. */
import { manifestUrl, useExamples } from '../../state/examplesStore';

export function ExampleLesson() {
  const lesson = useExamples((s) => s.lesson);
  const dismiss = useExamples((s) => s.dismissLesson);
  if (!lesson) return null;
  const { example } = lesson;
  const base = manifestUrl();
  return (
    <section className="example-lesson" aria-label="Lesson">
      <h3>{example.title}</h3>
      <p>{example.lesson}</p>
      {example.sources.length > 0 && (
        <p className="muted">
          Source:{' '}
          {example.sources.map((s, i) => (
            <span key={s}>
              {i > 0 && ', '}
              <a href={new URL(s, base).href} target="_blank" rel="noreferrer">
                {s.split('/').pop()}
              </a>
            </span>
          ))}
        </p>
      )}
      <button type="button" className="example-lesson-close" aria-label="Close the lesson" onClick={dismiss}>
        ×
      </button>
    </section>
  );
}
