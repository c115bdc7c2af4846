/** A city district: its 6-digit administrative division code 行政区划代码 and its name. */
export interface District {
  readonly code: string;
  readonly name: string;
  /** Without the trailing 区, as store names use it: 朝阳店, not 朝阳区店. */
  readonly shortName: string;
}

/** A prefecture-level city whose medical-insurance bureau reports events, with a few of its districts. */
export interface Prefecture {
  /** 天津市 */
  readonly city: string;
  /** 天津, as brand-style names use it. */
  readonly shortCity: string;
  /** 津, the one-character abbreviation in decision numbers (津医保罚〔2024〕12号). */
  readonly abbreviation: string;
  readonly authority: string;
  /** The case system that reports this city's events (sourceSystem) and the prefix of its references. */
  readonly sourceSystem: string;
  readonly refPrefix: string;
  /** Relative share of the subjects: the two municipalities are the demo's main regions. */
  readonly weight: number;
  readonly districts: readonly District[];
}

function district(code: string, name: string): District {
  return { code, name, shortName: name.endsWith('区') ? name.slice(0, -1) : name };
}

/**
 * Real prefectures and district codes (GB/T 2260), one per province whose local practice domain.md cites:
 * Beijing, Tianjin, Inner Mongolia (Hohhot), Liaoning (Shenyang), Guangdong (Guangzhou), Shandong (Jinan).
 */
export const PREFECTURES: readonly Prefecture[] = [
  {
    city: '北京市', shortCity: '北京', abbreviation: '京', authority: '北京市医疗保障局',
    sourceSystem: 'bj-jianguan', refPrefix: 'BJ', weight: 25,
    districts: [
      district('110101', '东城区'), district('110102', '西城区'), district('110105', '朝阳区'),
      district('110106', '丰台区'), district('110108', '海淀区'),
    ],
  },
  {
    city: '天津市', shortCity: '天津', abbreviation: '津', authority: '天津市医疗保障局',
    sourceSystem: 'tj-case', refPrefix: 'TJ', weight: 25,
    districts: [
      district('120101', '和平区'), district('120102', '河东区'), district('120103', '河西区'),
      district('120104', '南开区'), district('120105', '河北区'),
    ],
  },
  {
    city: '呼和浩特市', shortCity: '呼和浩特', abbreviation: '呼', authority: '呼和浩特市医疗保障局',
    sourceSystem: 'nm-xinyong', refPrefix: 'NM', weight: 10,
    districts: [
      district('150102', '新城区'), district('150103', '回民区'), district('150104', '玉泉区'), district('150105', '赛罕区'),
    ],
  },
  {
    city: '沈阳市', shortCity: '沈阳', abbreviation: '沈', authority: '沈阳市医疗保障局',
    sourceSystem: 'ln-jijin', refPrefix: 'LN', weight: 12,
    districts: [
      district('210102', '和平区'), district('210103', '沈河区'), district('210104', '大东区'),
      district('210105', '皇姑区'), district('210106', '铁西区'),
    ],
  },
  {
    city: '广州市', shortCity: '广州', abbreviation: '穗', authority: '广州市医疗保障局',
    sourceSystem: 'gd-jiandu', refPrefix: 'GD', weight: 16,
    districts: [
      district('440103', '荔湾区'), district('440104', '越秀区'), district('440105', '海珠区'),
      district('440106', '天河区'), district('440111', '白云区'),
    ],
  },
  {
    city: '济南市', shortCity: '济南', abbreviation: '济', authority: '济南市医疗保障局',
    sourceSystem: 'sd-case', refPrefix: 'SD', weight: 12,
    districts: [
      district('370102', '历下区'), district('370103', '市中区'), district('370104', '槐荫区'),
      district('370105', '天桥区'), district('370112', '历城区'),
    ],
  },
];
