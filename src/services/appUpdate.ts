import Taro from '@tarojs/taro';
import { oncePerLaunch } from './perLaunch';

/**
 * The function answers with a newer agreement than this build shows: this copy of the mini-program is
 * out of date. On weapp, ask WeChat for the new version and restart into it once downloaded; elsewhere
 * (h5) a reload brings the new build. Asked at most once per launch.
 */
export function askForUpdate(): void {
  // A block on the build's constant, not an early return: webpack drops the block from the h5 build,
  // and with it Taro's h5 dialogs (about 24 KB) from the first page.
  if (process.env.TARO_ENV === 'weapp') {
    if (!Taro.canIUse('getUpdateManager')) return;
    oncePerLaunch('updateAsked', () => {
      const manager = Taro.getUpdateManager();
      manager.onUpdateReady(() => {
        void Taro.showModal({ title: '新版本已准备好', content: '《个人信息授权书》已更新，重启小程序后阅读新版授权书再核验。', confirmText: '重启', showCancel: false })
          .then(() => manager.applyUpdate());
      });
      return true;
    });
  }
}
