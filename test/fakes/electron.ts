/**
 * A small in-memory stand-in for the `electron` module, aliased in vitest.config.ts so main and
 * preload code run in plain Node tests. It follows the shapes of Electron's real API (listener
 * arguments, return types, event objects) for the parts we use, and records what was done so
 * tests can assert on it. `resetElectronFake()` returns everything to a fresh state.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';

type InvokeListener = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

export interface FakeFrame {
  url: string;
  /** null for the main frame, as WebFrameMain.parent is. */
  parent: FakeFrame | null;
  frameTreeNodeId: number;
}

export interface FakeInvokeEvent {
  type: 'frame';
  sender: FakeWebContents;
  senderFrame: FakeFrame | null;
  frameId: number;
  processId: number;
}

export interface InvokeFrom {
  /** URL of the frame that calls; defaults to the app's own page. */
  url?: string;
  /** Call from an iframe inside the page instead of the main frame. */
  subFrame?: boolean;
  /** The frame was destroyed or navigated before the call arrived (senderFrame null). */
  detached?: boolean;
  sender?: FakeWebContents;
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  reloads = 0;
  readonly mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' }) | null = null;
  private destroyed = false;

  constructor(url = 'app://bundle/index.html') {
    super();
    this.mainFrame = { url, parent: null, frameTreeNodeId: nextId++ };
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args: structuredClone(args) });
  }

  setWindowOpenHandler(handler: NonNullable<FakeWebContents['windowOpenHandler']>): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  reload(): void {
    this.reloads += 1;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

class FakeIpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    // Electron throws on a second handler for the same channel; so do we.
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  channels(): string[] {
    return [...this.handlers.keys()].sort();
  }

  /**
   * What `ipcRenderer.invoke` does on the other side: finds the handler, builds the event, and
   * passes the arguments through a structured clone as Electron does.
   */
  async invoke(channel: string, args: unknown[] = [], from: InvokeFrom = {}): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const sender = from.sender ?? new FakeWebContents();
    const mainFrame: FakeFrame = from.url ? { ...sender.mainFrame, url: from.url } : sender.mainFrame;
    const frame: FakeFrame = from.subFrame
      ? { url: from.url ?? 'app://bundle/frame.html', parent: mainFrame, frameTreeNodeId: nextId++ }
      : mainFrame;
    const event: FakeInvokeEvent = {
      type: 'frame', sender, senderFrame: from.detached ? null : frame, frameId: frame.frameTreeNodeId, processId: 1,
    };
    try {
      return structuredClone(await handler(event, ...structuredClone(args)));
    } catch (error) {
      // Electron rejects the renderer's promise with only the message, wrapped like this.
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`Error invoking remote method '${channel}': Error: ${message}`);
    }
  }
}

type RendererListener = (event: { sender: FakeIpcRenderer }, ...args: unknown[]) => void;

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  /** What a test wants `invoke` to answer; by default echoes the channel and arguments. */
  invokeImpl: (channel: string, args: unknown[]) => Promise<unknown> = async (channel, args) => ({ channel, args });

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return this.invokeImpl(channel, args);
  }

  override on(channel: string, listener: RendererListener): this {
    return super.on(channel, listener);
  }

  override removeListener(channel: string, listener: RendererListener): this {
    return super.removeListener(channel, listener);
  }

  /** Delivers a message from main as `webContents.send` would. */
  deliver(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this }, ...structuredClone(args));
  }
}

class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();

  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (this.exposed.has(apiKey)) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    this.exposed.set(apiKey, api);
  }
}

type PermissionRequestHandler = (webContents: FakeWebContents, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (webContents: FakeWebContents | null, permission: string, requestingOrigin: string, details: unknown) => boolean;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }
}

class FakeProtocol {
  readonly privileged: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }
}

export interface FakeOpenDialogReturn {
  canceled: boolean;
  filePaths: string[];
}

export interface FakeMessageBoxOptions {
  message: string;
  type?: 'none' | 'info' | 'error' | 'question' | 'warning';
  buttons?: string[];
  defaultId?: number;
  cancelId?: number;
  title?: string;
  detail?: string;
  noLink?: boolean;
}

/**
 * Electron's dialog: showOpenDialog and showMessageBox take an optional parent window first and
 * resolve with what the user did; showErrorBox blocks and returns nothing. A test says what the
 * user will do (`nextOpen`, `nextResponse`) and reads what was shown.
 */
class FakeDialog {
  readonly opened: { options: Record<string, unknown> }[] = [];
  readonly messageBoxes: FakeMessageBoxOptions[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  /** What the user picks in the next file chooser; cancels by default. */
  nextOpen: FakeOpenDialogReturn = { canceled: true, filePaths: [] };
  /** Index of the button the user presses in the next message box. */
  nextResponse = 0;
  readonly saved: { options: Record<string, unknown> }[] = [];
  /** What the user picks in the next save dialog; cancels by default (Electron then gives `filePath: ''`). */
  nextSave: { canceled: boolean; filePath: string } = { canceled: true, filePath: '' };

  async showSaveDialog(windowOrOptions: object, maybeOptions?: object): Promise<{ canceled: boolean; filePath: string }> {
    const options = (maybeOptions ?? windowOrOptions) as Record<string, unknown>;
    this.saved.push({ options });
    return structuredClone(this.nextSave);
  }

  async showOpenDialog(windowOrOptions: object, maybeOptions?: object): Promise<FakeOpenDialogReturn> {
    const options = (maybeOptions ?? windowOrOptions) as Record<string, unknown>;
    this.opened.push({ options });
    return structuredClone(this.nextOpen);
  }

  async showMessageBox(windowOrOptions: object, maybeOptions?: FakeMessageBoxOptions): Promise<{ response: number; checkboxChecked: boolean }> {
    const options = (maybeOptions ?? windowOrOptions) as FakeMessageBoxOptions;
    this.messageBoxes.push(options);
    return { response: this.nextResponse, checkboxChecked: false };
  }

  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
}

class FakeApp extends EventEmitter {
  userDataDir = path.join(os.tmpdir(), 'push-doctor-fake-userdata');
  isPackaged = false;
  quitCalled = false;
  sandboxEnabled = false;
  exitCode: number | null = null;
  private readyCalled = false;

  /** Electron allows it only before `ready`; so does the fake. */
  enableSandbox(): void {
    if (this.readyCalled) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  exit(code = 0): void {
    this.exitCode = code;
  }

  getName(): string {
    return 'Push Doctor';
  }

  getVersion(): string {
    return '0.1.0';
  }

  getPath(name: string): string {
    if (name === 'userData') return this.userDataDir;
    // Where Electron puts it on Linux (~/.config/<app>/logs), so a test's logs go away with its userData.
    if (name === 'logs') return path.join(this.userDataDir, 'logs');
    return path.join(os.tmpdir(), `push-doctor-fake-${name}`);
  }

  isReady(): boolean {
    return this.readyCalled;
  }

  async whenReady(): Promise<void> {
    this.readyCalled = true;
    this.emit('ready');
  }

  quit(): void {
    this.quitCalled = true;
  }
}

class FakeShell {
  readonly opened: string[] = [];

  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
}

/**
 * Electron's safeStorage: `isEncryptionAvailable()` is false until the OS key store answers; on Linux
 * `getSelectedStorageBackend()` names the secret store, `basic_text` when none runs (a fixed key, no protection).
 */
class FakeSafeStorage {
  available = true;
  backend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown' = 'gnome_libsecret';

  isEncryptionAvailable(): boolean {
    return this.available;
  }

  getSelectedStorageBackend(): FakeSafeStorage['backend'] {
    return this.backend;
  }

  // Reversible but not plain text, so a test can tell a stored secret was encrypted.
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    return Buffer.from(`enc:${Buffer.from(plain, 'utf8').toString('base64')}`, 'utf8');
  }

  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString('utf8');
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(4), 'base64').toString('utf8');
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = [];
  readonly webContents: FakeWebContents;
  loadedUrl: string | null = null;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    this.webContents = new FakeWebContents('about:blank');
    BrowserWindow.all.push(this);
  }

  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.all];
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }

  show(): void {
    this.emit('show');
  }

  close(): void {
    BrowserWindow.all.splice(BrowserWindow.all.indexOf(this), 1);
    this.emit('closed');
  }
}

export let ipcMain = new FakeIpcMain();
export let ipcRenderer = new FakeIpcRenderer();
export let contextBridge = new FakeContextBridge();
export let protocol = new FakeProtocol();
export let app = new FakeApp();
export let shell = new FakeShell();
export let safeStorage = new FakeSafeStorage();
export let session = { defaultSession: new FakeSession() };
export let dialog = new FakeDialog();

export function resetElectronFake(): void {
  ipcMain = new FakeIpcMain();
  ipcRenderer = new FakeIpcRenderer();
  contextBridge = new FakeContextBridge();
  protocol = new FakeProtocol();
  app = new FakeApp();
  shell = new FakeShell();
  safeStorage = new FakeSafeStorage();
  session = { defaultSession: new FakeSession() };
  dialog = new FakeDialog();
  BrowserWindow.all.length = 0;
}

export default {
  get ipcMain() { return ipcMain; },
  get ipcRenderer() { return ipcRenderer; },
  get contextBridge() { return contextBridge; },
  get protocol() { return protocol; },
  get app() { return app; },
  get shell() { return shell; },
  get safeStorage() { return safeStorage; },
  get session() { return session; },
  get dialog() { return dialog; },
  BrowserWindow,
};
