/**
 * Chart pages' one small script (budgets.json allows 2 KB gzipped): dates each
 * citation with today's date ("Accessed 1 December 2026."), shows the "Copy"
 * buttons and copies a citation or embed code to the clipboard, saying so in
 * a live region; on area pages it also writes the date on the printed briefing.
 * Without it the page reads in full: citations need no filling in, and the
 * text can be selected by hand.
 */
const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

for (const el of document.querySelectorAll<HTMLElement>('[data-cite-accessed]')) {
  el.textContent = ` Accessed ${today}.`;
}
for (const el of document.querySelectorAll<HTMLElement>('[data-print-date]')) {
  el.textContent = ` Printed on ${today}.`;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers, or no permission: copy from a selected, off-screen text area.
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.left = '-9999px';
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  const source = document.getElementById(button.dataset.copy!);
  const status = document.getElementById(`${button.dataset.copy!}-status`);
  if (!source || !status) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    const text = (source.textContent ?? '').replace(/\s+/g, ' ').trim();
    void copyText(text).then((ok) => {
      status.textContent = ok ? `${button.dataset.what ?? 'Text'} copied` : 'Could not copy: select the text and copy it';
    });
  });
}
