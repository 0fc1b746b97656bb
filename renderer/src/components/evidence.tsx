import { useState } from 'react';
import type { Evidence } from '../../../common/domain/facts.js';
import { useT } from '../i18n.js';

/** The command and the lines the answer came from, folded; copied as the engineer would paste it in a ticket. */
export function EvidenceBlock({ evidence }: { evidence: readonly Evidence[] }) {
  const t = useT();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  if (evidence.length === 0) return null;
  const text = evidence.map((e) => `$ adb shell ${e.command}\n${e.excerpt}`).join('\n\n');
  return (
    <details className="evidence">
      <summary>{t('report.evidence', { count: evidence.length })}</summary>
      {evidence.map((e, i) => (
        <pre key={i}>
          <span className="evidence-command">$ {e.command}</span>
          {'\n'}
          {e.excerpt}
        </pre>
      ))}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          navigator.clipboard.writeText(text).then(() => setCopied('yes'), () => setCopied('failed'));
        }}
      >
        {t('ui.copy')}
      </button>
      <span aria-live="polite" className="muted">
        {copied === 'yes' ? ` ${t('ui.copied')}` : copied === 'failed' ? ` ${t('ui.copy-failed')}` : ''}
      </span>
    </details>
  );
}
