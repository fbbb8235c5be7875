// The form shows, and sends, what the validators hand back. Here they normalize as the domain's do
// (middle dots → ·; +86, spaces and dashes dropped from a mobile); the page must not care how.
import { act, fireEvent } from '@testing-library/react';
import { $, completed, functionCalls, resetPages, serve, show, VALID, storeConsent, confirmCheck } from './helpers';
import FormPage from '../../src/pages/form/index';
import { currentAgreement } from '../../src/services/agreement';

jest.mock('../../src/domain', () => {
  const actual = jest.requireActual('../../src/domain');
  return {
    ...actual,
    checkName: (input: string) => {
      const result = actual.checkName(input);
      return result.ok ? { ...result, value: result.value.replace(/[•‧・]/g, '·') } : result;
    },
    checkMobile: (input: string) => actual.checkMobile(input.replace(/^\+86|[\s-]/g, '')),
  };
});

beforeEach(() => {
  resetPages();
  storeConsent(currentAgreement().version, 1);
});

const type = (container: HTMLElement, field: string, value: string) => fireEvent.change($(container, `#${field}`)!, { target: { value } });

test('shows under the name the canonical form that will be sent, and sends that form', async () => {
  serve({ answer: () => completed('01') });
  const { container } = await show(<FormPage />);
  type(container, 'name', '阿卜杜•热合曼');
  expect($(container, '#name-hint')!.textContent).toBe('将按“阿卜杜·热合曼”提交');
  type(container, 'idCard', VALID.idCard);
  type(container, 'mobile', VALID.mobile);
  confirmCheck(container);
  await act(async () => {
    fireEvent.click($(container, '#submit')!);
  });
  expect(functionCalls()[0].data).toMatchObject({ name: '阿卜杜·热合曼' });
});

test('shows no hint when the name is sent as typed', async () => {
  const { container } = await show(<FormPage />);
  type(container, 'name', '阿卜杜·热合曼');
  expect($(container, '#name-hint')).toBeNull();
});

test('sends the mobile the validator made of a pasted +86 number, never the text as pasted', async () => {
  serve({ answer: () => completed('01') });
  const { container } = await show(<FormPage />);
  type(container, 'name', VALID.name);
  type(container, 'idCard', VALID.idCard);
  type(container, 'mobile', '+86 138-0013-8000');
  expect($(container, '#mobile-error')).toBeNull();
  confirmCheck(container);
  await act(async () => {
    fireEvent.click($(container, '#submit')!);
  });
  expect(functionCalls()[0].data).toMatchObject({ mobile: '13800138000' });
});
