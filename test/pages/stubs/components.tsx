// Small stand-ins for @tarojs/components: plain DOM elements that forward ids, classes and the
// Taro-style events the pages use (onClick, onInput/onBlur with e.detail.value, CheckboxGroup onChange).
// Open-type buttons (WeChat's own sheets) report through DOM events of the same name, which tests
// dispatch: fireEvent(button, new CustomEvent('getrealtimephonenumber', { detail: { code } })).
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

type Props = Record<string, any> & { children?: ReactNode };

const pick = ({ id, className }: Props) => ({ id, className });

export const View = (p: Props) => (
  <div {...pick(p)} aria-label={p.ariaLabel} onClick={p.onClick}>
    {p.children}
  </div>
);

export const Text = (p: Props) => (
  <span {...pick(p)} data-selectable={p.selectable ? 'true' : undefined} onClick={p.onClick}>
    {p.children}
  </span>
);

export const Button = (p: Props) => {
  const ref = useRef<HTMLButtonElement>(null);
  const { onGetRealTimePhoneNumber, onAgreePrivacyAuthorization } = p;
  useEffect(() => {
    const el = ref.current!;
    const handlers: Record<string, ((e: unknown) => void) | undefined> = {
      getrealtimephonenumber: onGetRealTimePhoneNumber,
      agreeprivacyauthorization: onAgreePrivacyAuthorization,
    };
    const listeners = Object.entries(handlers).map(([type, handler]) => {
      const listener = (e: Event) => handler?.({ type, detail: (e as CustomEvent).detail ?? {} });
      el.addEventListener(type, listener);
      return () => el.removeEventListener(type, listener);
    });
    return () => listeners.forEach((remove) => remove());
  }, [onGetRealTimePhoneNumber, onAgreePrivacyAuthorization]);
  return (
    <button
      {...pick(p)}
      ref={ref}
      type="button"
      disabled={!!p.disabled}
      data-open-type={p.openType}
      data-loading={p.loading ? 'true' : undefined}
      onClick={p.onClick}
    >
      {p.children}
    </button>
  );
};

export const Label = (p: Props) => (
  <label {...pick(p)} htmlFor={p.for}>
    {p.children}
  </label>
);

export const Input = (p: Props) => (
  <input
    {...pick(p)}
    type="text"
    data-type={p.type}
    maxLength={p.maxlength}
    placeholder={p.placeholder}
    disabled={!!p.disabled}
    data-focus={p.focus ? 'true' : undefined}
    value={p.value ?? ''}
    onChange={(e) => p.onInput?.({ detail: { value: e.target.value } })}
    onBlur={(e) => p.onBlur?.({ detail: { value: e.target.value } })}
  />
);

const GroupContext = createContext<((value: string, checked: boolean) => void) | null>(null);

export const CheckboxGroup = (p: Props) => (
  <GroupContext.Provider value={(value, checked) => p.onChange?.({ detail: { value: checked ? [value] : [] } })}>
    <div {...pick(p)}>{p.children}</div>
  </GroupContext.Provider>
);

export const Checkbox = (p: Props) => {
  const notify = useContext(GroupContext);
  return (
    <input
      {...pick(p)}
      type="checkbox"
      value={p.value}
      checked={!!p.checked}
      onChange={(e) => notify?.(p.value, e.target.checked)}
    />
  );
};
