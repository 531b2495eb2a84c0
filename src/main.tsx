/** Entry: wire storage into the engine, install the automation API, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installAutomationApi } from './app/automation';
import { startEmbedBridge } from './app/embed';
import { volumesFsPort } from './app/fsPort';
import { libraryPort } from './app/libraryPort';
import { getEngine, setStorage } from './sandbox/instance';
import { useInput } from './state/inputStore';
import { useOutput } from './state/outputStore';
import { registerOffline } from './state/offlineStore';
import './app/app.css';

setStorage({ library: libraryPort, fs: volumesFsPort });
installAutomationApi();
// "Use as input" chains an output into the input editor.
useOutput.getState().setUseAsInputHandler((bytes, mime, name) => useInput.getState().useBytes(bytes, mime, name));
const embedded = new URLSearchParams(location.search).get('embed') === '1';
if (embedded) startEmbedBridge();
void registerOffline(embedded);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App embedded={embedded} />
  </StrictMode>,
);

// Start the engine's workers once the page is idle: a worker takes ~50-80 ms to start, which the
// first file picked would otherwise wait for.
const warmEngine = () => void getEngine();
if ('requestIdleCallback' in window) requestIdleCallback(warmEngine, { timeout: 1000 });
else setTimeout(warmEngine, 200);
