import { render } from '@testing-library/react';
import { AgreementText } from '../../src/components/AgreementText';
import { currentAgreement } from '../../src/services/agreement';

const agreement = currentAgreement();

describe('AgreementText', () => {
  test('shows the edition label people can read, not the hash, as the version', () => {
    const { container } = render(<AgreementText agreement={agreement} />);
    expect(container.querySelector('#agreement-label')!.textContent).toBe(`版本：${agreement.label}`);
    expect(agreement.label).toMatch(/^\d{4}-\d{2}-\d{2} 第\d+版$/);
    expect(container.querySelector('#agreement-label')!.textContent).not.toContain(agreement.version);
  });

  test('keeps the content hash in a small footnote', () => {
    const { container } = render(<AgreementText agreement={agreement} />);
    const hash = container.querySelector('#agreement-version')!;
    expect(hash.textContent).toBe(`校验码 ${agreement.version}`);
    expect(hash.className).toContain('footnote');
  });

  test('shows every heading and paragraph of the notice and the body', () => {
    const { container } = render(<AgreementText agreement={agreement} />);
    for (const section of [agreement.notice, ...agreement.body]) {
      expect(container.textContent).toContain(section.heading);
      for (const paragraph of section.paragraphs) expect(container.textContent).toContain(paragraph);
    }
  });
});
