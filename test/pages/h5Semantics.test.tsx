// Taro's h5 buttons (<taro-button-core>) and tappable texts (.link) get a role, keyboard focus and
// Enter/Space, as Taro adds them (src/services/h5Semantics.ts).
import { startH5Semantics } from '../../src/services/h5Semantics';

let stop: () => void = () => undefined;
afterEach(() => {
  stop();
  document.body.innerHTML = '';
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('gives buttons already on the page and buttons added later the button role and keyboard focus', async () => {
  document.body.innerHTML = '<taro-button-core id="a">同意并继续</taro-button-core>';
  stop = startH5Semantics(document);
  const later = document.createElement('taro-button-core');
  document.body.append(later);
  await settle();
  for (const el of [document.getElementById('a')!, later]) {
    expect(el.getAttribute('role')).toBe('button');
    expect(el.getAttribute('tabindex')).toBe('0');
    expect(el.getAttribute('aria-disabled')).toBe('false');
  }
});

test('takes a disabled button out of the tab order and says it is disabled, and puts it back when enabled', async () => {
  document.body.innerHTML = '<taro-button-core id="b" disabled="">开始核验</taro-button-core>';
  stop = startH5Semantics(document);
  const button = document.getElementById('b')!;
  expect(button.getAttribute('tabindex')).toBe('-1');
  expect(button.getAttribute('aria-disabled')).toBe('true');
  // Taro's h5 button keeps disabled="false" once enabled.
  button.setAttribute('disabled', 'false');
  await settle();
  expect(button.getAttribute('tabindex')).toBe('0');
  expect(button.getAttribute('aria-disabled')).toBe('false');
});

test('makes a tappable text a link that Enter and Space press, unlike a disabled button', async () => {
  document.body.innerHTML = '<span class="link" id="l">我的核验记录</span><taro-button-core id="d" disabled="">x</taro-button-core>';
  stop = startH5Semantics(document);
  const link = document.getElementById('l')!;
  const disabled = document.getElementById('d')!;
  expect(link.getAttribute('role')).toBe('link');
  const clicks: string[] = [];
  link.addEventListener('click', () => clicks.push('link'));
  disabled.addEventListener('click', () => clicks.push('disabled'));
  for (const key of ['Enter', ' ', 'a']) link.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  disabled.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  expect(clicks).toEqual(['link', 'link']);
});

test('lets a view that says it is a radio button be focused and pressed, keeping its role', () => {
  document.body.innerHTML = '<taro-view-core id="r" role="radio" aria-checked="false">近 30 天</taro-view-core>';
  stop = startH5Semantics(document);
  const radio = document.getElementById('r')!;
  expect(radio.getAttribute('role')).toBe('radio');
  expect(radio.getAttribute('tabindex')).toBe('0');
  const clicks: string[] = [];
  radio.addEventListener('click', () => clicks.push('radio'));
  radio.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
  expect(clicks).toEqual(['radio']);
});

test('keeps a tap from moving the focus to the button, so a field the handler focused stays focused', () => {
  document.body.innerHTML = '<taro-button-core id="s"><span id="inner">开始核验</span></taro-button-core><input id="i">';
  stop = startH5Semantics(document);
  const press = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
  document.getElementById('inner')!.dispatchEvent(press);
  expect(press.defaultPrevented).toBe(true);
  const elsewhere = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
  document.getElementById('i')!.dispatchEvent(elsewhere);
  expect(elsewhere.defaultPrevented).toBe(false);
});
