// The agreement's wording, written for this one check (PIPL art. 6, 17, 23, 29–31). Every sentence must
// stay true of what the product does: records hold keyed hashes and masked fields, never the fields.
import { PROVIDER_RECEIVES, type ProviderId } from '../providers';
import type { AgreementSection, AgreementTerms, OperatorSettings } from './types';

/** The three fields the check uses, exactly as the text names them. */
export const AGREEMENT_FIELDS = ['姓名', '身份证件号码', '手机号码'] as const;

/** Every ID document whose 18-character number the check accepts (src/domain/fields/idCard.ts). */
export const ACCEPTED_ID_DOCUMENTS = ['居民身份证', '港澳居民居住证', '台湾居民居住证', '外国人永久居留身份证'] as const;

/** Where, in the mini-program, a person sees, copies, deletes and withdraws; the page must carry this title. */
export const MY_RECORDS_PAGE = '我的核验记录';

/** The button's label, the same in the text and on every page that has it. */
export const WITHDRAW_LABEL = '撤回同意';
export const COPY_LABEL = '复制全部';
export const EXPORT_LABEL = '导出';
export const DELETE_LABEL = '删除全部记录';
export const CONTACT_LABEL = '联系客服';
/** The WeChat phone number button's label (src/pages/form/components/WechatPhone.tsx). */
export const WECHAT_PHONE_LABEL = '使用微信手机号';

/** The two separate consents (PIPL art. 29, 23): the tick boxes' labels, quoted in the text as they are shown. */
export const SEPARATE_CONSENT_LABELS = {
  idCard: '我单独同意处理我的身份证件号码（敏感个人信息），仅用于本授权书所述的核验。',
  provision: '我单独同意将我的姓名、身份证件号码和手机号码提供给第四条所列的核验服务商和该手机号码所属的电信运营商，用于核对三项信息是否一致。',
} as const;

/** The confirmation beside 开始核验, for each check (the vendor's rule: agreed before each check). */
export const CHECK_CONFIRMATION_LABEL = '我确认：本次核验使用上面填写的三项信息，按《个人信息授权书》处理；这些是我本人的信息。';

/** The mobile carriers of China and their customer service numbers. */
export const CARRIERS = [
  { name: '中国移动', service: '10086' },
  { name: '中国联通', service: '10010' },
  { name: '中国电信', service: '10000' },
  { name: '中国广电', service: '10099' },
] as const;

/** Age below which a guardian must consent (PIPL art. 31). */
export const GUARDIAN_AGE = 14;

/** The count windows of the limits record (cloudfunctions/mobileCheck/src/policy.ts). */
export const IDENTITY_WINDOW_DAYS = 30;
export const WITHDRAWAL_KEPT_DAYS = 30;

const FIELDS = AGREEMENT_FIELDS.join('、');
const ID_DOCUMENTS = ACCEPTED_ID_DOCUMENTS.join('、');

const carrierList = CARRIERS.map((c) => `${c.name}（客服电话 ${c.service}）`).join('、');

const HOW: Record<AgreementTerms['phoneSource'], string> = {
  typed: '您在小程序中填写姓名、身份证件号码和手机号码并提交',
  wechat: `您在小程序中填写姓名和身份证件号码；手机号码由微信在您点击“${WECHAT_PHONE_LABEL}”并允许后提供（微信手机号快速验证，核验云函数向微信换取该号码）；然后由您提交`,
};

export function notice(o: OperatorSettings): AgreementSection {
  return {
    heading: '为什么需要这些信息',
    paragraphs: [
      `${o.company}为提供“${o.service}”，需要${o.purpose}。`,
      `为此只使用三项信息：${FIELDS}。身份证件号码属于敏感个人信息：电信运营商要用它确认这个手机号码是否登记在您本人名下，没有它无法核验，所以我们请您单独同意处理它，并单独同意把三项信息提供给核验服务商和电信运营商。`,
      `对您的影响：核验结果（一致、不一致或暂时无法核验）决定您能否完成“${o.service}”；不一致时，您可以核对后重试，或改用登记在您本人名下的号码。身份证件号码一旦泄露可能被他人冒用，所以我们不保存完整的号码（见第五条）。`,
      '您可以不同意（见第八条）；同意后也可以随时撤回，并查看、复制、删除您的记录（见第六、七条）。',
    ],
  };
}

/** What one provider receives and does, in one sentence: the plaintext, or only digests. */
function recipientLine(o: OperatorSettings, id: ProviderId): string {
  const { name, contact, role } = o.recipients[id];
  return PROVIDER_RECEIVES[id] === 'plaintext'
    ? `${name}（${role}；联系方式：${contact}）：接收上述三项信息的原文，提交给该手机号码所属的电信运营商核对。`
    : `${name}（${role}；联系方式：${contact}）：只接收三项信息各自的SHA-256摘要，不接收原文，以摘要与该手机号码所属电信运营商的登记信息比对。摘要由原文计算得出，不能直接还原，但持有候选信息的人可以逐一计算比对。`;
}

export function body(o: OperatorSettings, { retentionDays, phoneSource, providers }: AgreementTerms): AgreementSection[] {
  const names = providers.map((id) => o.recipients[id].name).join('、');
  return [
    {
      heading: '一、谁处理您的信息',
      paragraphs: [`个人信息处理者：${o.company}（下称“我们”）。联系方式：${o.contact}。`],
    },
    {
      heading: '二、用途和处理方式',
      paragraphs: [
        `用途：${o.purpose}。这些信息不用于其他任何用途。`,
        `方式：${HOW[phoneSource]}后，信息发送到我们的核验云函数，由云函数提交给核验服务商（见第四条），再由该手机号码所属的电信运营商比对，结果返回给您。`,
        `每次核验前，您都要在“开始核验”旁单独确认本次核验；没有这一确认，我们不会提交。`,
      ],
    },
    {
      heading: '三、使用哪些信息',
      paragraphs: [
        `只使用三项信息：${FIELDS}。身份证件号码可以是以下证件上的18位号码：${ID_DOCUMENTS}。`,
        '身份证件号码属于敏感个人信息（《个人信息保护法》第二十八条），我们只在您单独同意后处理（第二十九条）。',
        '此外，核验云函数通过微信提供的账号标识（OpenID）识别是谁在核验，用来把记录归属于您和限制核验次数；在我们的记录中它只以带密钥的哈希值保存。',
        `核验一致时，云函数可以出具一份带签名的核验凭证，交给${o.company}的业务系统确认是您本人完成了核验；凭证中含有您的 OpenID（原值）、遮盖后的三项信息和核验时间，有效期不超过 1 小时。`,
      ],
    },
    {
      heading: '四、提供给谁',
      paragraphs: [
        providers.length > 1
          ? `为完成核验，我们把三项信息（${FIELDS}）提供给以下核验服务商，按顺序使用：前一家暂时无法提供服务、且确定未处理本次核验时，才由下一家核验；每次核验最多由每家各处理一次。`
          : `为完成核验，我们把三项信息（${FIELDS}）提供给以下核验服务商：`,
        ...providers.map((id) => recipientLine(o, id)),
        `核验服务商再把这三项信息（或其摘要）提交给该手机号码所属的电信运营商核对，运营商只能是以下之一：${carrierList}。`,
        '目的：核对三项信息是否一致。方式：每次核验由核验云函数经加密网络（HTTPS）提交一次，不批量提供。服务商只向我们返回核对结果、运营商名称和核验编号（有的还返回遮盖后的三项信息）。',
        '我们与核验服务商约定：三项信息只用于本次核对，不得另作他用或向其他人提供。除此之外，我们不向任何人提供这些信息，法律、行政法规另有规定的除外。',
        '您可以通过上述联系方式向核验服务商和电信运营商行使您的权利。',
      ],
    },
    {
      heading: '五、我们保存什么、保存多久',
      paragraphs: [
        `我们不保存您填写的完整的${FIELDS}。`,
        '我们保存：由这三项信息和您的账号标识计算出的带密钥哈希值（HMAC-SHA256）；遮盖后的三项信息（如“张*”“11**************2X”“138****8000”），供您辨认自己的记录；核验的时间、结果、运营商名称、手机号码的来源和核验编号；您同意的授权书版本，以及同意和撤回的时间。',
        '小程序在您的手机上记住您的同意编号、同意的授权书版本和同意时间。',
        '哈希值不是加密。持有密钥的人可以逐一试算（例如试遍所有手机号码）找出对应的原信息；没有密钥，无法从哈希值推算出原信息。密钥只配置在核验云函数中，小程序里和记录里都没有。',
        `保存期限：核验记录和同意记录保存 ${retentionDays} 天，到期自动删除；同意记录删除后，再次核验需要重新同意。`,
        `用于限制核验次数的计数记录只含哈希值和次数，每一项到期即删除：当天的核验次数和每个手机号码的当天次数，在北京时间当天结束时删除；每位被核验人的哈希值在核验后 ${IDENTITY_WINDOW_DAYS} 天删除；您最后一次撤回同意和最后一次删除记录的时间各保留 ${WITHDRAWAL_KEPT_DAYS} 天。`,
        `不含个人信息的每日汇总统计（如核验次数）保存 ${retentionDays} 天。云函数运行日志只含遮盖后的信息和核验编号，由云开发平台按其日志保存期限删除。`,
      ],
    },
    {
      heading: '六、撤回同意',
      paragraphs: [
        `您可以随时撤回同意：在小程序“${MY_RECORDS_PAGE}”中点“${WITHDRAW_LABEL}”，或联系 ${o.contact}。`,
        '撤回后，我们立即删除您的核验记录，不再用您的信息核验；再次核验需要重新阅读并同意本授权书。撤回不影响撤回前已完成的核验。',
        `撤回后保留的：同意记录（标明撤回时间，作为您曾同意和已撤回的证明），保存到第五条的期限届满；计数记录，按第五条逐项到期删除。`,
      ],
    },
    {
      heading: '七、查看、复制、更正和删除',
      paragraphs: [
        `在小程序“${MY_RECORDS_PAGE}”中，您可以查看我们保存的与您有关的全部记录：核验记录（时间、结果、运营商、手机号码来源、核验服务商、遮盖后的信息、核验编号、授权书版本）、同意记录和计数记录中的次数；可以点“${COPY_LABEL}”复制、点“${EXPORT_LABEL}”导出这些记录；可以点“${DELETE_LABEL}”一次删除核验记录和同意记录，删除后不能恢复。`,
        '删除不会重置核验次数限制：计数记录（只含哈希值）按第五条逐项到期删除。',
        `记录是按您提交的信息计算的，无法逐项更改；信息有误时，请删除后重新核验。您也可以在小程序中点“${CONTACT_LABEL}”，或联系 ${o.contact}，查阅、复制、更正或删除您的个人信息，或要求我们解释本授权书；我们在 ${o.responseDays} 个工作日内答复。`,
      ],
    },
    {
      heading: '八、如果您不同意',
      paragraphs: [
        `您可以点“不同意”。您不同意时，我们不收集这三项信息，也不能为您进行手机号实名核验；需要其他方式完成“${o.service}”的，请联系 ${o.contact}。`,
      ],
    },
    {
      heading: '九、未满十四周岁的未成年人',
      paragraphs: [
        `未满${GUARDIAN_AGE}周岁的未成年人的个人信息，需要其父母或者其他监护人同意后才能处理。证件号码显示未满${GUARDIAN_AGE}周岁的，小程序不提交核验；请由监护人联系 ${o.contact} 办理。`,
      ],
    },
    {
      heading: '十、本人授权',
      paragraphs: [
        `本人已阅读以上内容，同意${o.company}为上述用途处理本人的${FIELDS}。`,
        `本人勾选“${SEPARATE_CONSENT_LABELS.idCard}”，即单独同意处理本人的身份证件号码这一敏感个人信息。`,
        `本人勾选“${SEPARATE_CONSENT_LABELS.provision}”，即单独同意${o.company}将上述三项信息（或其摘要，见第四条）提供给${names}，并由其提交至该手机号码所属的电信运营商核对。`,
        `本授权自本人点“同意”时生效，每次核验前本人另行确认；本人可按第六条随时撤回。`,
      ],
    },
  ];
}
