/** Copy text with the clipboard API; where that is refused, select it in its field for Ctrl/Cmd+C. */

/** 'copied', or 'selected' when the text could only be selected. */
export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<'copied' | 'selected'> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard API');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    // Insecure origins and denied permissions: the user copies the selection themselves.
    field?.focus();
    field?.select();
    return 'selected';
  }
}
