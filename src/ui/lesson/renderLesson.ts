/** Lesson Markdown → sanitised HTML. Its own chunk: marked and DOMPurify load only when a lesson is shown. */
import { marked } from 'marked';
import { sanitizeMarkdownHtml } from '../output/renderers/sanitize';

export function renderLesson(markdown: string): string {
  return sanitizeMarkdownHtml(marked.parse(markdown, { async: false, gfm: true }));
}
