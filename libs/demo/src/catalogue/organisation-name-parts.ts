export interface OrganisationNameParts {
  /** Words for private hospitals and clinics (仁爱眼科医院). */
  readonly brandWords: readonly string[];
  readonly pharmacyBrands: readonly string[];
  /** Street offices 街道, for community health centres 社区卫生服务中心. */
  readonly streets: readonly string[];
  readonly hospitalSpecialties: readonly string[];
  readonly clinicKinds: readonly string[];
}

/**
 * Brand words are deliberately generic rather than real chains: the demo attaches fraud findings and
 * terminations to these names, which must not read as statements about real companies.
 */
export const ORGANISATION_NAME_PARTS: OrganisationNameParts = {
  brandWords: ['仁爱', '博爱', '康华', '安康', '德济', '华康', '慈济', '济仁', '康宁', '瑞康', '和美', '恒安', '永康', '惠民', '益民'],
  pharmacyBrands: [
    '仁和堂', '济生堂', '康宁', '益民', '惠康', '百草堂', '德生堂', '广济', '永春堂', '福寿堂', '瑞康', '安泰', '万和', '百姓健康',
  ],
  streets: ['向阳', '新华', '建设', '和平', '胜利', '解放', '东风', '光明', '友谊', '长青', '文化', '育才', '兴华', '振兴', '站前', '花园'],
  hospitalSpecialties: ['眼科', '口腔', '骨科', '妇产', '中西医结合', '康复', '肛肠', '皮肤病', '耳鼻喉'],
  clinicKinds: ['口腔门诊部', '中医诊所', '综合门诊部', '康复医疗中心', '中医门诊部'],
};
