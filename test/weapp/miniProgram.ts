// Runs the production weapp build (dist/) in Node without WeChat: small stand-ins for App, Page,
// getCurrentPages and wx; setData patches are applied to each page's data, and events are fired
// through the page's own `eh` handler, the way base.wxml binds them (bindtap="eh" ... data-sid).
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export interface TaroNode {
  nn: string | number;
  sid: string;
  uid?: string;
  cn?: TaroNode[];
  v?: string;
  cl?: string;
  [key: string]: unknown;
}

export interface PageInstance {
  route: string;
  options: Record<string, string>;
  data: Record<string, any>;
  setDataCalls: Record<string, unknown>[];
  [key: string]: any;
}

export interface MiniProgram {
  wx: Record<string, any>;
  storage: Map<string, unknown>;
  stack: PageInstance[];
  navigations: { kind: string; url: string }[];
  callFunctionCalls: { name: string; data: unknown }[];
  cloudInitCalls: unknown[];
  /** WeChat's privacy API as the pages used it. */
  privacy: { listener: PrivacyListener | null; openedContract: number };
  /** Template name (the node's nn) -> tag and attribute -> data key, read from base.wxml. */
  templates: Map<string, { tag: string; attrs: Record<string, string> }>;
  /** What the pages asked of WeChat beyond navigation: the update manager, the clipboard, files written and offered to send. */
  device: { updateManagers: number; clipboard: string | null; files: Map<string, string>; sharedFiles: { filePath: string; fileName?: string }[] };
  launch(): Promise<void>;
  current(): PageInstance;
  settle(): Promise<void>;
}

export type PrivacyListener = (resolve: (option: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void;

export interface Options {
  /** What wx.cloud.callFunction answers (`result`), or throws. */
  callFunction: (name: string, data: unknown) => unknown;
  /** Simulated modal answer. */
  modalConfirm?: boolean;
  /** What wx.getPrivacySetting answers: whether the person still has to agree (default: agreed before). */
  needPrivacyAuthorization?: boolean;
  /** wx.getPrivacySetting fails this many times before it answers. */
  privacySettingFailures?: number;
}

/** Sets `a.b.[0].c` / `a.b[0].c` (Taro's setData keys) inside `target`. */
export function setPath(target: Record<string, any>, key: string, value: unknown): void {
  const parts = key
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '');
  let obj: any = target;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const part = parts[i];
    if (obj[part] === undefined || obj[part] === null) obj[part] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    obj = obj[part];
  }
  obj[parts[parts.length - 1]] = value;
}

function readTemplates(distDir: string) {
  const wxml = fs.readFileSync(path.join(distDir, 'base.wxml'), 'utf8');
  const templates = new Map<string, { tag: string; attrs: Record<string, string> }>();
  const re = /<template name="tmpl_0_([^"]+)">\s*<([a-z-]+)([^>]*)>/g;
  for (const m of wxml.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(/([a-z-]+)="\{\{(?:xs\.b\()?i\.([a-zA-Z0-9]+)/g)) attrs[a[1]] = a[2];
    if (!templates.has(m[1])) templates.set(m[1], { tag: m[2], attrs });
  }
  // Inputs dispatch to tmpl_0_N_focus / tmpl_0_N_blur (same attributes): read the blur variant.
  for (const [name, t] of templates) {
    const blur = templates.get(`${name}_blur`);
    if (t.tag === 'template' && blur) templates.set(name, blur);
  }
  return templates;
}

const SHORT_TIMER_MS = 100;

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

export function createMiniProgram(distDir: string, opts: Options): MiniProgram {
  const storage = new Map<string, unknown>();
  const stack: PageInstance[] = [];
  const navigations: { kind: string; url: string }[] = [];
  const callFunctionCalls: { name: string; data: unknown }[] = [];
  const cloudInitCalls: unknown[] = [];
  const privacy: MiniProgram['privacy'] = { listener: null, openedContract: 0 };
  const device: MiniProgram['device'] = { updateManagers: 0, clipboard: null, files: new Map(), sharedFiles: [] };
  let privacyFailures = opts.privacySettingFailures ?? 0;
  const pageOptions = new Map<string, Record<string, any>>();
  let appOptions: Record<string, any> | null = null;
  let loadingRoute: string | null = null;
  const pending = new Set<Promise<unknown>>();

  const later = (fn: () => void) => {
    const p = new Promise<void>((resolve) => setTimeout(() => {
      try {
        fn();
      } finally {
        resolve();
      }
    }, 0));
    pending.add(p);
    p.then(() => pending.delete(p));
  };

  const ok = (name: string, o: any, extra: Record<string, unknown> = {}) => {
    const res = { errMsg: `${name}:ok`, ...extra };
    later(() => {
      o?.success?.(res);
      o?.complete?.(res);
    });
  };

  const splitUrl = (url: string) => {
    const [p, q = ''] = url.split('?');
    const route = p.replace(/^\//, '');
    const options: Record<string, string> = {};
    for (const pair of q.split('&').filter(Boolean)) {
      const [k, v = ''] = pair.split('=');
      options[decodeURIComponent(k)] = decodeURIComponent(v);
    }
    return { route, options };
  };

  const openPage = (url: string) => {
    const { route, options } = splitUrl(url);
    const config = pageOptions.get(route) ?? loadPage(route);
    const inst: PageInstance = Object.assign(Object.create(null), config, {
      route,
      __route__: route,
      options,
      data: clone(config.data ?? {}),
      setDataCalls: [] as Record<string, unknown>[],
    });
    inst.setData = (patch: Record<string, unknown>, cb?: () => void) => {
      inst.setDataCalls.push(clone(patch));
      for (const [k, v] of Object.entries(patch)) setPath(inst.data, k, clone(v));
      if (cb) later(cb);
    };
    stack.push(inst);
    inst.onLoad?.(options);
    inst.onShow?.();
    inst.onReady?.();
    return inst;
  };
  const closePage = () => {
    const inst = stack.pop();
    inst?.onUnload?.();
  };

  const wx: Record<string, any> = {
    getStorageSync: (key: string) => (storage.has(key) ? clone(storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, clone(value)),
    removeStorageSync: (key: string) => void storage.delete(key),
    navigateTo: (o: any) => {
      navigations.push({ kind: 'navigateTo', url: o.url });
      later(() => {
        stack[stack.length - 1]?.onHide?.();
        openPage(o.url);
      });
      ok('navigateTo', o);
    },
    redirectTo: (o: any) => {
      navigations.push({ kind: 'redirectTo', url: o.url });
      later(() => {
        closePage();
        openPage(o.url);
      });
      ok('redirectTo', o);
    },
    reLaunch: (o: any) => {
      navigations.push({ kind: 'reLaunch', url: o.url });
      later(() => {
        while (stack.length) closePage();
        openPage(o.url);
      });
      ok('reLaunch', o);
    },
    navigateBack: (o: any = {}) => {
      navigations.push({ kind: 'navigateBack', url: '' });
      later(() => {
        closePage();
        stack[stack.length - 1]?.onShow?.();
      });
      ok('navigateBack', o);
    },
    showModal: (o: any) => ok('showModal', o, { confirm: opts.modalConfirm ?? true, cancel: !(opts.modalConfirm ?? true) }),
    showToast: (o: any) => ok('showToast', o),
    showLoading: (o: any) => ok('showLoading', o),
    hideLoading: (o: any) => ok('hideLoading', o),
    getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2, platform: 'devtools', SDKVersion: '3.0.0' }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    getDeviceInfo: () => ({ platform: 'devtools' }),
    getAppBaseInfo: () => ({ SDKVersion: '3.0.0' }),
    canIUse: () => true,
    getPrivacySetting: (o: any) => {
      if (privacyFailures > 0) {
        privacyFailures -= 1;
        later(() => o?.fail?.({ errMsg: 'getPrivacySetting:fail' }));
        return;
      }
      ok('getPrivacySetting', o, { needAuthorization: opts.needPrivacyAuthorization ?? false, privacyContractName: '《示例小程序隐私保护指引》' });
    },
    getUpdateManager: () => {
      device.updateManagers += 1;
      return { onCheckForUpdate: () => undefined, onUpdateReady: () => undefined, onUpdateFailed: () => undefined, applyUpdate: () => undefined };
    },
    setClipboardData: (o: any) => {
      device.clipboard = o.data;
      ok('setClipboardData', o);
    },
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getFileSystemManager: () => ({ writeFileSync: (filePath: string, data: string) => void device.files.set(filePath, data) }),
    shareFileMessage: (o: any) => {
      device.sharedFiles.push({ filePath: o.filePath, fileName: o.fileName });
      ok('shareFileMessage', o);
    },
    onNeedPrivacyAuthorization: (listener: PrivacyListener) => {
      privacy.listener = listener;
    },
    openPrivacyContract: (o: any) => {
      privacy.openedContract += 1;
      ok('openPrivacyContract', o);
    },
    nextTick: (fn: () => void) => later(fn),
    cloud: {
      init: (o: unknown) => void cloudInitCalls.push(o),
      callFunction: (o: any) => {
        callFunctionCalls.push({ name: o.name, data: clone(o.data) });
        return new Promise((resolve, reject) => {
          setTimeout(() => {
            try {
              const res = { result: clone(opts.callFunction(o.name, o.data)), errMsg: 'cloud.callFunction:ok', requestID: 'req-1' };
              o.success?.(res);
              o.complete?.(res);
              resolve(res);
            } catch (error) {
              o.fail?.(error);
              o.complete?.(error);
              reject(error);
            }
          }, 0);
        });
      },
    },
  };

  // The app's short timers count as work under way: a cold first render runs in many setTimeout(0)
  // slices of React's scheduler. Long ones (request time limits) do not.
  const shortTimers = new Set<ReturnType<typeof setTimeout>>();
  const appSetTimeout = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if ((ms ?? 0) > SHORT_TIMER_MS) return setTimeout(fn, ms, ...args);
    const timer = setTimeout(() => {
      shortTimers.delete(timer);
      fn(...args);
    }, ms);
    shortTimers.add(timer);
    return timer;
  };
  const appClearTimeout = (timer: ReturnType<typeof setTimeout>) => {
    shortTimers.delete(timer);
    clearTimeout(timer);
  };

  const context = vm.createContext({
    wx,
    console,
    setTimeout: appSetTimeout,
    clearTimeout: appClearTimeout,
    setInterval,
    clearInterval,
    requestAnimationFrame: (fn: (t: number) => void) => appSetTimeout(() => fn(Date.now()), 16),
    cancelAnimationFrame: appClearTimeout,
    App: (o: Record<string, any>) => {
      appOptions = o;
    },
    Page: (o: Record<string, any>) => {
      if (!loadingRoute) throw new Error('Page() called outside a page file');
      pageOptions.set(loadingRoute, o);
    },
    Component: (o: Record<string, any>) => {
      if (loadingRoute) pageOptions.set(loadingRoute, o);
    },
    getApp: () => appOptions,
    getCurrentPages: () => stack.slice(),
  });

  const cache = new Map<string, { exports: unknown }>();
  function requireFrom(dir: string) {
    return (request: string) => {
      let file = path.resolve(dir, request);
      if (!file.endsWith('.js')) file += '.js';
      const hit = cache.get(file);
      if (hit) return hit.exports;
      const module = { exports: {} as unknown };
      cache.set(file, module);
      const code = fs.readFileSync(file, 'utf8');
      const fn = vm.runInContext(`(function (module, exports, require) {${code}\n})`, context, { filename: file });
      fn(module, module.exports, requireFrom(path.dirname(file)));
      return module.exports;
    };
  }
  const rootRequire = requireFrom(distDir);

  function loadPage(route: string) {
    loadingRoute = route;
    try {
      rootRequire(`./${route}`);
    } finally {
      loadingRoute = null;
    }
    const config = pageOptions.get(route);
    if (!config) throw new Error(`${route}.js did not register a Page`);
    return config;
  }

  /** Waits until nothing happens for a while: no navigation pending, no new setData, no page change. */
  const settle = async (quietMs = 40, maxMs = 5000) => {
    const signature = () => `${stack.length}:${stack.map((p) => p.setDataCalls.length).join(',')}:${callFunctionCalls.length}:${navigations.length}`;
    const start = Date.now();
    let last = signature();
    let quietSince = Date.now();
    while (Date.now() - start < maxMs) {
      await new Promise((r) => setTimeout(r, 5));
      const now = signature();
      if (now !== last || pending.size > 0 || shortTimers.size > 0) {
        last = now;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs) {
        return;
      }
    }
    throw new Error('the mini-program did not settle');
  };

  return {
    wx,
    storage,
    stack,
    navigations,
    callFunctionCalls,
    cloudInitCalls,
    privacy,
    device,
    templates: readTemplates(distDir),
    current: () => {
      const top = stack[stack.length - 1];
      if (!top) throw new Error('no page is open');
      return top;
    },
    settle,
    async launch() {
      rootRequire('./app');
      if (!appOptions) throw new Error('app.js did not call App()');
      const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as { pages: string[] };
      for (const route of appJson.pages) loadPage(route);
      appOptions.onLaunch?.call(appOptions, { path: appJson.pages[0], query: {} });
      appOptions.onShow?.call(appOptions, { path: appJson.pages[0], query: {} });
      openPage(`/${appJson.pages[0]}`);
      await settle();
    },
  };
}

// ---- reading the rendered tree ----

export function walk(node: TaroNode | undefined, visit: (n: TaroNode) => void): void {
  if (!node) return;
  visit(node);
  for (const child of node.cn ?? []) walk(child, visit);
}

export const rootOf = (page: PageInstance): TaroNode => ({ nn: 'root', sid: 'root', cn: page.data.root?.cn ?? [] });

export function findById(page: PageInstance, id: string): TaroNode | undefined {
  let found: TaroNode | undefined;
  walk(rootOf(page), (n) => {
    if (!found && n.uid === id) found = n;
  });
  return found;
}

export function textOf(node: TaroNode | undefined): string {
  let out = '';
  walk(node, (n) => {
    if (typeof n.v === 'string') out += n.v;
  });
  return out;
}

/** Reads a rendered attribute (e.g. `disabled` of a button) through base.wxml's name -> key map. */
export function attrOf(mp: MiniProgram, node: TaroNode, attr: string): unknown {
  const template = mp.templates.get(String(node.nn));
  const key = template?.attrs[attr];
  return key ? node[key] : undefined;
}

export function tagOf(mp: MiniProgram, node: TaroNode): string | undefined {
  return mp.templates.get(String(node.nn))?.tag;
}

/** Fires an event the way WeChat calls `bindxxx="eh"`: currentTarget carries id and data-sid. */
export function fire(page: PageInstance, node: TaroNode, type: string, detail: Record<string, unknown> = {}): void {
  const target = { id: node.uid ?? node.sid, dataset: { sid: node.sid }, offsetLeft: 0, offsetTop: 0 };
  page.eh({ type, timeStamp: Date.now(), target, currentTarget: target, detail, touches: [], changedTouches: [] });
}
