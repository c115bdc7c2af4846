export interface PersonNameParts {
  /**
   * Surnames in roughly descending frequency (the first ten cover about 40% of the population), ending with a
   * few compound surnames 复姓 so that masking (欧阳某) gets exercised. Drawn by Zipf rank, so order matters.
   */
  readonly surnames: readonly string[];
  /** Given-name characters typical for men and for women; the sex follows the resident ID's sequence code. */
  readonly maleGiven: readonly string[];
  readonly femaleGiven: readonly string[];
}

export const PERSON_NAME_PARTS: PersonNameParts = {
  surnames: [
    ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
    '欧阳', '司马', '诸葛', '上官',
  ],
  maleGiven: [...'伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林洋峰建国志文博晨轩然睿泽天嘉成海东亮振彬毅'],
  femaleGiven: [...'芳娜敏静丽秀英艳娟霞燕玲桂丹萍红梅琳雪婷颖慧佳欣怡悦琪涵思雨梦诗晓晶璐倩洁月妍薇瑶蕾'],
};
