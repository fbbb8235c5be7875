// h5 only. Taro renders <Button> as <taro-button-core>, a tappable <Text> as a <span> and a tappable
// <View> as a <taro-view-core>: none takes keyboard focus, and the first two have no role, so a screen
// reader reads a button as plain text and a keyboard cannot reach it. This gives every such element,
// as Taro adds it, the role and focus of what it is, and lets Enter and Space press it. One place, so
// no page has to remember. Views that act as radio buttons say so with role="radio" themselves.
const BUTTON = 'taro-button-core';
const PRESSABLE = `${BUTTON}, .link, [role="radio"]`;

function isDisabled(el: Element): boolean {
  const value = el.getAttribute('disabled');
  return value !== null && value !== 'false';
}

function describe(el: Element): void {
  const role = el.matches(BUTTON) ? 'button' : el.getAttribute('role') ?? 'link';
  if (el.getAttribute('role') !== role) el.setAttribute('role', role);
  const disabled = isDisabled(el);
  const tabIndex = disabled ? '-1' : '0';
  if (el.getAttribute('tabindex') !== tabIndex) el.setAttribute('tabindex', tabIndex);
  if (role === 'button') {
    const ariaDisabled = disabled ? 'true' : 'false';
    if (el.getAttribute('aria-disabled') !== ariaDisabled) el.setAttribute('aria-disabled', ariaDisabled);
  }
}

function describeWithin(root: ParentNode): void {
  if (root instanceof Element && root.matches(PRESSABLE)) describe(root);
  root.querySelectorAll(PRESSABLE).forEach(describe);
}

function pressOnKey(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target instanceof Element ? event.target : null;
  if (!target?.matches(PRESSABLE) || isDisabled(target)) return;
  event.preventDefault();
  (target as HTMLElement).click();
}

// A tap must not move the focus to the button: Taro runs onClick on touchend, before the mouse events
// that a tap also sends, so a focus set by the handler (a field to correct) would be taken back.
function keepFocusOnTap(event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target.closest(PRESSABLE) : null;
  if (target) event.preventDefault();
}

export function startH5Semantics(doc: Document): () => void {
  describeWithin(doc.body);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof Element) describeWithin(record.target);
      record.addedNodes.forEach((node) => {
        if (node instanceof Element) describeWithin(node);
      });
    }
  });
  observer.observe(doc.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'class'] });
  doc.addEventListener('keydown', pressOnKey);
  doc.addEventListener('mousedown', keepFocusOnTap);
  return () => {
    observer.disconnect();
    doc.removeEventListener('keydown', pressOnKey);
    doc.removeEventListener('mousedown', keepFocusOnTap);
  };
}
