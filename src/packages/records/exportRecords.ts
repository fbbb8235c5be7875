import Taro from '@tarojs/taro';

const EXPORT_FILE_NAME = 'my-records.json';

/**
 * 导出: the JSON as a file the person keeps. weapp: written to the mini-program's user folder and
 * offered to send on (shareFileMessage); h5: downloaded by the browser.
 */
export async function exportRecords(json: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${EXPORT_FILE_NAME}`;
    Taro.getFileSystemManager().writeFileSync(filePath, json, 'utf8');
    await Taro.shareFileMessage({ filePath, fileName: EXPORT_FILE_NAME });
    return;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  link.download = EXPORT_FILE_NAME;
  link.click();
  URL.revokeObjectURL(link.href);
}
