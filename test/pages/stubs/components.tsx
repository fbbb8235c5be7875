// Small stand-ins for @tarojs/components: plain DOM elements that forward ids, classes and the
// Taro-style events the pages use (onClick, onInput/onBlur with e.detail.value, CheckboxGroup onChange).
import { createContext, useContext, type ReactNode } from 'react';

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

export const Button = (p: Props) => (
  <button {...pick(p)} type="button" disabled={!!p.disabled} data-loading={p.loading ? 'true' : undefined} onClick={p.onClick}>
    {p.children}
  </button>
);

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
