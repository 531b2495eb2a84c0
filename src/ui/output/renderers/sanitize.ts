/**
 * DOMPurify set up for Markdown output: no styles, forms or embedded media; links open in a new
 * tab without an opener; images only from data: or blob: URLs (nothing that could track or
 * reach the network).
 */
import DOMPurify from 'dompurify';

const purify = DOMPurify(window);
const IMAGE_SRC = /^(?:data:image\/|blob:)/i;

purify.addHook('uponSanitizeAttribute', (node, data) => {
  if (node.nodeName === 'IMG' && data.attrName === 'src') {
    // DOMPurify drops blob: URLs on its own; keep them and data: images, drop everything else.
    if (IMAGE_SRC.test(data.attrValue.trim())) data.forceKeepAttr = true;
    else data.keepAttr = false;
  }
});

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Sanitised HTML for rendered Markdown. */
export function sanitizeMarkdownHtml(html: string): string {
  return purify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'audio', 'video', 'source', 'picture', 'track'],
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction'],
    // Prefix ids and names ("user-content-") so the output cannot clobber the app's globals.
    SANITIZE_NAMED_PROPS: true,
  });
}
