/**
 * Inspector "Check": a check file (Modsurfer's `validate` YAML) dropped, opened or pasted, the
 * module checked against it in the analyser worker, each rule with what was found; and
 * "Generate check file" for the current module, as a download.
 */
import { useState } from 'react';
import type { DragEvent } from 'react';
import type { LoadedModule } from '../../sandbox/api';
import { getEngine } from '../../sandbox/instance';
import { useCheckFile } from '../../state/checkStore';
import type { CheckReport } from '../../wasm/checks/types';
import { checkedModuleOf } from '../../wasm/checks/checkedModule';
import { MAX_CHECK_FILE_BYTES } from '../../wasm/checks/types';
import { downloadBlob } from '../output/outputActions';
import '../claims/verdicts.css';

type Run = { state: 'idle' } | { state: 'checking' } | { state: 'done'; report: CheckReport; forId: string } | { state: 'failed'; message: string };

export function CheckView({ module }: { module: LoadedModule }) {
  const text = useCheckFile((s) => s.checkFile);
  const setText = useCheckFile((s) => s.setCheckFile);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);

  const check = async (source = text) => {
    setRun({ state: 'checking' });
    try {
      setRun({ state: 'done', report: await getEngine().check(module.id, source), forId: module.id });
    } catch (err) {
      setRun({ state: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  const open = async (file: File | undefined) => {
    if (!file) return;
    setFileError(null);
    if (file.size > MAX_CHECK_FILE_BYTES) {
      setFileError(`"${file.name}" is ${Math.ceil(file.size / 1024)} KB; a check file is at most ${MAX_CHECK_FILE_BYTES / 1024} KB of YAML.`);
      return;
    }
    const loaded = await file.text();
    setText(loaded);
    void check(loaded);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation(); // not a module drop for the page
    setDragging(false);
    void open(e.dataTransfer.files[0]);
  };

  const generate = async () => {
    // The YAML writer loads on first use: it is not part of the initial bundle.
    const { generateCheckFile } = await import('../../wasm/checks/generate');
    const yaml = generateCheckFile(checkedModuleOf(module.analysis, module.size));
    downloadBlob(new Blob([yaml], { type: 'application/yaml' }), `${module.name.replace(/\.wasm$/i, '')}.mod.yaml`);
  };

  if (module.analysis.format !== 'core') return <p className="muted">Check files describe core modules (their imports and exports); this is a component.</p>;
  const report = run.state === 'done' && run.forId === module.id ? run.report : null;
  return (
    <div className="check-view">
      <label htmlFor="check-file-text">Check file (YAML, Modsurfer format)</label>
      <textarea
        id="check-file-text"
        className={`check-editor${dragging ? ' dragging' : ''}`}
        spellCheck={false}
        value={text}
        placeholder={'validate:\n  allow_wasi: false\n  size:\n    max: 4MiB\n\nDrop a .yaml file here, open one, or paste.'}
        onChange={(e) => setText(e.target.value)}
        onDragOver={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      />
      <div className="check-actions">
        <button type="button" onClick={() => void check()} disabled={run.state === 'checking' || text.trim() === ''}>
          Check
        </button>
        <label className="file-button">
          Open check file…
          <input type="file" accept=".yaml,.yml,text/yaml,application/yaml" aria-label="Open check file" onChange={(e) => void open(e.target.files?.[0])} />
        </label>
        <button type="button" onClick={() => void generate()}>
          Generate check file
        </button>
      </div>
      {fileError && (
        <p className="error-text" role="alert">
          {fileError}
        </p>
      )}
      {run.state === 'checking' && (
        <p className="muted" role="status">
          Checking…
        </p>
      )}
      {run.state === 'failed' && (
        <p className="error-text" role="alert">
          {run.message}
        </p>
      )}
      {report && <CheckResult report={report} />}
    </div>
  );
}

function CheckResult({ report }: { report: CheckReport }) {
  const failed = report.rules.filter((r) => !r.passed).length;
  const summary = report.errors.length
    ? `Not passed: the check file has ${report.errors.length === 1 ? 'a problem' : `${report.errors.length} problems`}.`
    : report.passed
      ? `Passed: all ${report.rules.length} rule${report.rules.length === 1 ? '' : 's'}.`
      : `Failed: ${failed} of ${report.rules.length} rule${report.rules.length === 1 ? '' : 's'} not passed.`;
  return (
    <>
      <p role="status" aria-label="Check result" className={report.passed ? 'verdict-pass' : 'verdict-fail'}>
        {summary}
      </p>
      {report.errors.length > 0 && (
        <ul className="verdicts" aria-label="Check file problems">
          {report.errors.map((e, i) => (
            <li key={i} className="failed">
              {e.line !== undefined ? `Line ${e.line}: ` : ''}
              {e.message}
            </li>
          ))}
        </ul>
      )}
      {report.rules.length > 0 && (
        <table className="check-rules" aria-label="Check rules">
          <thead>
            <tr>
              <th>Status</th>
              <th>Rule</th>
              <th>Expected</th>
              <th>Found</th>
              <th>Line</th>
            </tr>
          </thead>
          <tbody>
            {report.rules.map((r, i) => (
              <tr key={i} className={r.passed ? '' : 'failed'}>
                <td className={r.status === 'pass' ? 'verdict-pass' : r.status === 'fail' ? 'verdict-fail' : 'verdict-unmeasured'}>{r.status === 'not-measured' ? 'not measured' : r.status}</td>
                <td>
                  <code>{r.rule}</code>
                </td>
                <td>{r.expected}</td>
                <td>{r.found}</td>
                <td>{r.line ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
