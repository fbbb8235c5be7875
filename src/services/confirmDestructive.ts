import Taro from '@tarojs/taro';

/** Asks before something that cannot be undone (withdrawing consent, deleting records); red confirm button. */
export async function confirmDestructive(title: string, content: string, confirmText: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content, confirmText, confirmColor: '#fa5151', cancelText: '取消' });
  return confirm;
}
