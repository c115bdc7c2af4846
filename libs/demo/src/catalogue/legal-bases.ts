/**
 * The texts cited as legalBasis. Administrative penalties cite the 条例 (State Council Decree 735); agreement
 * measures cite the designated-service agreement or the national decrees on designation management (国家医疗保障局
 * 令第2号 for institutions, 第3号 for pharmacies); practitioner points cite 医保发〔2024〕23号.
 */
const REGULATION = '《医疗保障基金使用监督管理条例》';

export const LEGAL_BASES = {
  art30: `${REGULATION}第三十条`,
  art38: `${REGULATION}第三十八条`,
  art39: `${REGULATION}第三十九条`,
  art40: `${REGULATION}第四十条`,
  art41: `${REGULATION}第四十一条`,
  institutionAgreement: '《医疗保障定点医疗机构服务协议》',
  pharmacyAgreement: '《医疗保障定点零售药店服务协议》',
  institutionSuspension: '《医疗机构医疗保障定点管理暂行办法》第四十二条',
  institutionTermination: '《医疗机构医疗保障定点管理暂行办法》第四十三条',
  // The articles of Decree 3 are not cited: the demo does not claim an article number it has not checked.
  pharmacyDesignation: '《零售药店医疗保障定点管理暂行办法》',
  policeReferral: '《行政执法机关移送涉嫌犯罪案件的规定》',
  penaltyNotPerformed: '《中华人民共和国行政处罚法》第七十二条',
  practitionerPoints: '《关于建立定点医药机构相关人员医保支付资格管理制度的指导意见》(医保发〔2024〕23号)',
} as const;
