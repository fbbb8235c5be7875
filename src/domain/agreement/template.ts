import { sha256Hex } from './sha256';

/** What the operator fills into the vendor's 个人信息授权书 template. */
export interface OperatorSettings {
  /** The operator's registered company name (贵公司). */
  company: string;
  /** The business or service the check is part of. */
  service: string;
  /** What the information is used for. */
  purpose: string;
  /** Where a person can ask questions or withdraw consent. */
  contact: string;
}

export interface AgreementSection {
  heading: string;
  paragraphs: string[];
}

export interface Agreement {
  title: string;
  /** Why the data is needed and how it affects the person (PIPL art. 30), shown before the text. */
  notice: AgreementSection;
  /** The authorization itself: the vendor's template, filled in. */
  body: AgreementSection[];
  /** Changes whenever any shown text changes; sent with every request as proof of what was agreed. */
  version: string;
}

const VENDOR = '四川涪擎大数据技术有限公司';

function notice(o: OperatorSettings): AgreementSection {
  return {
    heading: '为什么需要这些信息',
    paragraphs: [
      `${o.company}为提供“${o.service}”，需要${o.purpose}。`,
      '需要的信息：姓名、居民身份证号码、手机号码。身份证号码属于敏感个人信息，我们仅在您单独同意后使用。',
      `这些信息将通过加密连接发送给核验服务商（${VENDOR}及其服务合作方），由其向电信运营商核对，用于本次核验。`,
      '我们不保存您填写的原始信息，只保存无法还原的加密摘要和核验结果，用于防止重复扣费和满足审计要求，到期自动删除。',
      '对您的影响：核验不通过时，您可能无法使用需要实名认证的功能；您可以核对后重试，或换一个本人名下的号码。',
      `您可以随时撤回同意（撤回不影响撤回前已完成的核验），问题或撤回请求请联系：${o.contact}。`,
    ],
  };
}

function body(o: OperatorSettings): AgreementSection[] {
  return [
    {
      heading: `${o.company}：`,
      paragraphs: [
        `本人（即下方填写的姓名、身份证号码所属之人）在与贵公司就“${o.service}”业务或服务中，知晓贵公司需要了解、使用本人的个人信息，用于${o.purpose}，因此本人做出以下授权并清楚理解其含义：`,
      ],
    },
    {
      heading: '授权事项',
      paragraphs: [
        '1.1 本人同意授权贵公司在业务存续期内即从业务申请至业务终止（包括但不限于后续风险管理或提供的综合化服务等）过程中无次数限制的收集、查询并验证本人的个人信息；',
        `1.2 本人同意授权贵公司可以委托合法存续的第三方机构（包括${VENDOR}及其服务合作方）收集、查询、验证、留存、加工、使用并提供本人的个人信息；`,
        '1.3 本人同意为避免重复授权之不便，本授权表明该等合法存续的第三方机构在使用或向有关机构提供本人信息时，可以依据本授权径行使用或向有关机构提供本人相关信息，而无需再逐一向本人另行获取授权。',
        '1.4 本人同意授权合法存续的第三方机构进行以下事项：',
        '1.4.1 同意授权合法存续的第三方机构可以采集、整理、保存、加工、使用和提供本人的个人信息，包括但不限于本人身份、联系方式、职业和居住地址等个人基本信息，个人贷款、各类信用卡和对外担保等征信信息及在商业活动中形成的各类交易记录，个人公共费用缴纳、违法违规信息、财产状况、行踪轨迹及其他信息等；',
        '1.4.2 同意授权拥有本人不良信息的信息提供者向合法存续的第三方机构提供本人的不良信息，且无须另行告知本人；',
        '1.4.3 同意授权合法存续的第三方机构向有关机构采集、整理、保存、加工、使用和提供本人的收入、存款、有价证券、商业保险、不动产信息和纳税数额信息。',
        '1.5 本人同意授权贵公司向第三方机构提交本人在此笔业务中产生的相关信息，包括但不限于个人基本信息、业务申请信息、业务合同信息以及与业务相关的其他信息，并记录在第三方机构的个人信息数据库中。',
      ],
    },
    {
      heading: '风险提示',
      paragraphs: [
        '本人已被明确告知提供上述信息可能给本人带来财产或信用损失以及其他可能的不利后果，包括采集上述信息对本人信用方面可能产生不良影响以及上述信息被信息使用者依法提供给第三方后被他人不当利用的风险。',
        '特别提示：为了维护您的合法权益，请您在充分理解本授权书的全部内容后签署本授权书。本公司将依法对信息进行保密，履行信息安全保障义务。若您不接受本授权书任何条款，请您立即停止授权。',
      ],
    },
    {
      heading: '声明',
      paragraphs: [
        // The template's "不可撤销" clause is replaced: PIPL art. 15 lets a person withdraw consent.
        '本授权书经本人勾选同意后立即生效，且效力具有独立性，不因相关业务合同或条款无效或被撤销而无效或失效。本人可依照《个人信息保护法》第十五条随时撤回本授权，撤回不影响撤回前基于本授权已进行的个人信息处理活动的效力。',
        '以上授权内容，本人已经充分理解并同意，自愿做出以上授权，并愿意承担由此所产生的一切法律后果。',
      ],
    },
  ];
}

const TITLE = '个人信息授权书';

const textOf = (sections: AgreementSection[]): string =>
  sections.map((s) => [s.heading, ...s.paragraphs].join('\n')).join('\n\n');

/** Fills the template; the version is a hash of everything a person is shown. */
export function buildAgreement(operator: OperatorSettings): Agreement {
  const shown = { notice: notice(operator), body: body(operator) };
  const version = sha256Hex([TITLE, textOf([shown.notice]), textOf(shown.body)].join('\n\n\n')).slice(0, 16);
  return { title: TITLE, ...shown, version };
}
