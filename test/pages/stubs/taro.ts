// A stand-in for @tarojs/taro: storage in a Map, navigation recorded, request and showModal mocked,
// WeChat's privacy API answering from `privacy`.
export const storage = new Map<string, unknown>();

type PrivacyResolve = (option: { event: string; buttonId?: string }) => void;
/** What getPrivacySetting answers (`fail: true` makes it fail), and the listener the page registered. */
export const privacy = {
  needAuthorization: false,
  fail: false,
  listener: null as ((resolve: PrivacyResolve, info: { referrer: string }) => void) | null,
};

export const router = { params: {} as Record<string, string> };

const Taro = {
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  navigateTo: jest.fn((_: { url: string }) => Promise.resolve()),
  redirectTo: jest.fn((_: { url: string }) => Promise.resolve()),
  reLaunch: jest.fn((_: { url: string }) => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  getCurrentPages: jest.fn(() => [{}, {}]),
  stopPullDownRefresh: jest.fn(),
  showModal: jest.fn((_: unknown) => Promise.resolve({ confirm: true, cancel: false })),
  request: jest.fn((_: { url: string; method?: string; data?: unknown; timeout?: number }) =>
    Promise.resolve({ statusCode: 404, data: null }) as Promise<{ statusCode: number; data: unknown }>,
  ),
  canIUse: jest.fn((_: string) => true),
  getPrivacySetting: jest.fn((o: { success?: (r: unknown) => void; fail?: (r: unknown) => void }) => {
    if (privacy.fail) o.fail?.({ errMsg: 'getPrivacySetting:fail' });
    else o.success?.({ errMsg: 'getPrivacySetting:ok', needAuthorization: privacy.needAuthorization, privacyContractName: '《测试小程序隐私保护指引》' });
  }),
  onNeedPrivacyAuthorization: jest.fn((listener: typeof privacy.listener) => {
    privacy.listener = listener;
  }),
  openPrivacyContract: jest.fn((_?: unknown) => undefined),
  getUpdateManager: jest.fn(() => ({ onUpdateReady: jest.fn(), applyUpdate: jest.fn() })),
  setClipboardData: jest.fn((_: { data: string }) => Promise.resolve()),
  env: { USER_DATA_PATH: 'wxfile://usr' },
  getFileSystemManager: jest.fn(() => ({ writeFileSync: jest.fn() })),
  shareFileMessage: jest.fn((_: { filePath: string; fileName?: string }) => Promise.resolve()),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn((_: { name: string; data: unknown }) => Promise.resolve({ result: undefined as unknown, errMsg: '' })),
  },
};

export function resetTaro(): void {
  storage.clear();
  router.params = {};
  Object.assign(privacy, { needAuthorization: false, fail: false, listener: null });
  for (const value of Object.values(Taro)) if (jest.isMockFunction(value)) value.mockClear();
  Taro.cloud.init.mockReset();
  Taro.cloud.callFunction.mockReset();
  Taro.getCurrentPages.mockImplementation(() => [{}, {}]);
  Taro.showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }));
  Taro.request.mockImplementation(() => Promise.resolve({ statusCode: 404, data: null }));
  Taro.canIUse.mockImplementation(() => true);
}

export const useRouter = () => router;

/** Records the page's pull-down handler; a test calls the last one to pull. */
export const usePullDownRefresh = jest.fn((_: () => void) => undefined);

export default Taro;
