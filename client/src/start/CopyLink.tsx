// One shareable link with a Copy button whose accessible name says which link it copies.
import { useState } from 'react';

export function CopyLink({ label, href, hint }: { label: string; href: string; hint: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(href);
      setCopied('yes');
    } catch {
      // No clipboard (insecure origin on a LAN IP, or permission denied): the link is selectable text anyway.
      setCopied('failed');
    }
  };
  const name = label.toLowerCase();
  return (
    <div className="copy-link">
      <div className="copy-link-head">
        <strong>{label} link</strong>
        <button type="button" onClick={() => void copy()}>
          Copy {name} link
        </button>
        <span role="status" className="copy-state">
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the link and copy it by hand' : ''}
        </span>
      </div>
      <input readOnly value={href} aria-label={`${label} link`} onFocus={(event) => event.target.select()} />
      <p className="hint">{hint}</p>
    </div>
  );
}
