/**
 * A share link's lesson, shown above the input: Markdown rendered with `marked` and sanitised with
 * DOMPurify (a link is untrusted: no scripts, styles, forms or remote images), with a way back to
 * the lesson's start (its module, source and inputs as the link had them).
 */
import { useEffect, useState } from 'react';
import { useLesson, type Lesson } from '../../state/lessonStore';

export function LessonPanel() {
  const lesson = useLesson((s) => s.lesson);
  const resetting = useLesson((s) => s.resetting);
  const [rendered, setRendered] = useState<{ lesson: Lesson; html: string } | null>(null);
  useEffect(() => {
    if (!lesson) return;
    let live = true;
    import('./renderLesson').then(
      (m) => live && setRendered({ lesson, html: m.renderLesson(lesson.markdown) }),
      // Without the renderer, the Markdown is still readable as text.
      () => live && setRendered({ lesson, html: '' }),
    );
    return () => {
      live = false;
    };
  }, [lesson]);
  if (!lesson) return null;
  const html = rendered?.lesson === lesson ? rendered.html : null;
  return (
    <section className="lesson panel" aria-label="Lesson">
      {lesson.title && <h2 className="lesson-title">{lesson.title}</h2>}
      {html ? <div className="lesson-text markdown-body" dangerouslySetInnerHTML={{ __html: html }} /> : <pre className="lesson-text">{lesson.markdown}</pre>}
      <div className="lesson-actions">
        <button type="button" disabled={resetting} onClick={() => void useLesson.getState().reset()}>
          Reset to the lesson&apos;s start
        </button>
        <button type="button" className="link" onClick={() => useLesson.getState().dismiss()}>
          Hide lesson
        </button>
      </div>
    </section>
  );
}
