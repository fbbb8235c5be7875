// The agreement's wording, written for this one check (PIPL art. 6, 17, 30). Every sentence must stay
// true of what the product does: records hold keyed hashes and masked fields, never the fields.
import { PROVIDER_RECEIVES, type ProviderId } from '../providers';
import type { AgreementSection, AgreementTerms, OperatorSettings } from './types';

/** The three fields the check uses, exactly as the text names them. */
export const AGREEMENT_FIELDS = ['姓名', '居民身份证号码', '手机号码'] as const;

/** Where, in the mini-program, a person sees, deletes and withdraws; the page must carry this title. */
export const MY_RECORDS_PAGE = '我的核验记录';

/** The longest count window of the limits (distinct people one caller may check per 30 days). */
const LONGEST_LIMIT_DAYS = 30;

const FIELDS = AGREEMENT_FIELDS.join('、');

export function notice(o: OperatorSettings): AgreementSection {
  return {
    heading: '为什么需要这些信息',
    paragraphs: [
      `${o.company}为提供“${o.service}”，需要${o.purpose}。`,
      `为此只使用三项信息：${FIELDS}。居民身份证号码属于敏感个人信息：电信运营商要用它确认这个手机号码是否登记在您本人名下，没有它无法核验，所以我们请您单独同意。`,
      `对您的影响：核验结果（一致、不一致或暂时无法核验）决定您能否完成“${o.service}”；不一致时，您可以核对后重试，或改用登记在您本人名下的号码。身份证号码一旦泄露可能被他人冒用，所以我们不保存完整的号码（见第五条）。`,
      '您可以不同意；同意后也可以随时撤回，并查看、删除您的记录（见第六、七条）。',
    ],
  };
}

/** What one provider receives and does, in one sentence: the plaintext, or only digests. */
function recipientLine(o: OperatorSettings, id: ProviderId): string {
  const { name, contact } = o.recipients[id];
  return PROVIDER_RECEIVES[id] === 'plaintext'
    ? `${name}（经阿里云云市场提供接口；联系方式：${contact}）：接收上述三项信息的原文，提交给该手机号码所属的电信运营商（中国移动、中国联通或中国电信等）核对。`
    : `${name}（腾讯云人脸核身；联系方式：${contact}）：只接收三项信息各自的SHA-256摘要，不接收原文，以摘要与该手机号码所属电信运营商的登记信息比对。摘要由原文计算得出，不能直接还原，但持有候选信息的人可以逐一计算比对。`;
}

export function body(o: OperatorSettings, { retentionDays, providers }: AgreementTerms): AgreementSection[] {
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
        '方式：您在小程序中填写并提交后，信息发送到我们的核验云函数，由云函数提交给核验服务商（见第四条），再由该手机号码所属的电信运营商比对，结果返回给您。每次核验都由您本人提交。',
      ],
    },
    {
      heading: '三、使用哪些信息',
      paragraphs: [
        `只使用三项信息：${FIELDS}。`,
        '居民身份证号码属于敏感个人信息（《个人信息保护法》第二十八条），我们只在您单独同意后处理（第二十九条）。',
        '此外，核验云函数通过微信提供的账号标识（OpenID）识别是谁在核验，用来把记录归属于您和限制核验次数；它也只以带密钥的哈希值保存。',
      ],
    },
    {
      heading: '四、提供给谁',
      paragraphs: [
        providers.length > 1
          ? `为完成核验，我们委托以下核验服务商，按顺序使用：前一家暂时无法提供服务、且确定未处理本次核验时，才由下一家核验；每次核验最多由每家各处理一次。`
          : '为完成核验，我们委托以下核验服务商：',
        ...providers.map((id) => recipientLine(o, id)),
        '服务商只向我们返回核对结果、运营商名称和核验编号（有的还返回遮盖后的三项信息）。除此之外，我们不向任何人提供这些信息，法律、行政法规另有规定的除外。',
      ],
    },
    {
      heading: '五、我们保存什么、保存多久',
      paragraphs: [
        `我们不保存您填写的完整的${FIELDS}。`,
        '我们保存：由这三项信息和您的账号标识计算出的带密钥哈希值（HMAC-SHA256）；遮盖后的三项信息（如“张*”“11**************2X”“138****8000”），供您辨认自己的记录；核验的时间、结果、运营商名称和核验编号；您同意的授权书版本，以及同意和撤回的时间。',
        '小程序只在您的手机上记住您同意的授权书版本和同意时间。',
        '哈希值不是加密。持有密钥的人可以逐一试算（例如试遍所有手机号码）找出对应的原信息；没有密钥，无法从哈希值推算出原信息。密钥只配置在核验云函数中，小程序里和记录里都没有。',
        `保存期限：核验记录和同意记录保存 ${retentionDays} 天，到期自动删除。用于限制核验次数的计数只含哈希值，在计数周期结束后自动删除（最长 ${LONGEST_LIMIT_DAYS} 天）。云函数运行日志只含遮盖后的信息和核验编号，由云开发平台按其日志保存期限删除。不含个人信息的每日汇总统计（如核验次数）会继续保留。`,
      ],
    },
    {
      heading: '六、撤回同意',
      paragraphs: [
        `您可以随时撤回同意：在小程序“${MY_RECORDS_PAGE}”中点“撤回同意”，或联系 ${o.contact}。`,
        '撤回后，我们不再用您的信息核验；再次核验需要重新阅读并同意本授权书。撤回不影响撤回前已完成的核验。',
        '撤回本身不删除已有记录：它们在保存期限届满时删除，您也可以按第七条立即删除。',
      ],
    },
    {
      heading: '七、查看和删除您的记录',
      paragraphs: [
        `在小程序“${MY_RECORDS_PAGE}”中，您可以查看自己的核验记录（时间、结果、遮盖后的信息、核验编号）和同意记录，并可一次删除全部记录；删除后不能恢复。`,
        '删除不会重置核验次数限制：次数计数（只含哈希值）保留到其计数周期结束。',
        `您也可以联系 ${o.contact}，查阅、复制、更正或删除您的个人信息，或对本授权书提出疑问。`,
      ],
    },
    {
      heading: '八、如果您不同意',
      paragraphs: [
        `您不同意时，我们不收集这三项信息，也不能为您进行手机号实名核验；需要其他方式完成“${o.service}”的，请联系 ${o.contact}。`,
      ],
    },
    {
      heading: '九、本人授权',
      paragraphs: [
        `本人已阅读以上内容，同意${o.company}为上述用途处理本人的${FIELDS}，并单独同意其处理本人的居民身份证号码这一敏感个人信息。`,
        `本人授权${o.company}及其委托的${names}，按第四条所述方式将上述三项信息（或其摘要）提交核对，核对三项信息是否一致。`,
        '本授权自本人勾选同意时生效，本人可按第六条随时撤回。未满十四周岁的，应由其父母或者其他监护人阅读并同意。',
      ],
    },
  ];
}
