import { containsResidentIdPattern, maskPersonName, maskResidentId } from './masking';

describe('maskResidentId', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['11010519491231002x', '110105********002X'],
    ['440304200002291236', '440304********1236'],
  ])('%s → %s', (id, masked) => {
    expect(maskResidentId(id)).toBe(masked);
    expect(containsResidentIdPattern(maskResidentId(id))).toBe(false);
  });

  it.each([[''], ['110105491231002'], ['11010519491231002X '], [null as unknown as string]])(
    'masks %j entirely when it is not 18 characters',
    (id) => {
      expect(maskResidentId(id)).toBe('******************');
    },
  );
});

describe('maskPersonName', () => {
  it.each([
    ['张三', '张某'],
    ['王小明', '王某'],
    ['张 三', '张某'],
    ['  李四  ', '李某'],
    ['欧阳娜娜', '欧阳某'],
    ['欧阳修', '欧阳某'],
    ['司马光', '司马某'],
    ['诸葛亮', '诸葛某'],
    ['上官婉儿', '上官某'],
    ['东方明', '东方某'],
    ['皇甫谧', '皇甫某'],
    ['尉迟恭', '尉迟某'],
    ['公孙胜', '公孙某'],
    ['慕容复', '慕容某'],
    ['长孙无忌', '长孙某'],
    ['宇文泰', '宇文某'],
    ['司徒雷', '司徒某'],
    ['夏侯惇', '夏侯某'],
    ['令狐冲', '令狐某'],
    ['端木蓉', '端木某'],
    ['歐陽修', '歐陽某'],
    ['欧阳', '欧某'], // two characters: surname 欧 + given name 阳
    ['闻人杰', '闻某'], // 闻 + 人杰, not the rare compound 闻人
    ['𠈌三', '𠈌某'], // a surname outside the Basic Multilingual Plane stays one character
    ['张', '某'],
    ['', '某'],
    ['   ', '某'],
    ['John Smith', '某'],
    ['张John', '某'],
    ['买买提·艾力', '某'],
    ['11010519491231002X', '某'],
    [undefined as unknown as string, '某'],
  ])('%j → %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });
});

describe('containsResidentIdPattern', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['440304200002291236', true],
    ['110105194912310021', true], // wrong check digit: still an ID pattern
    ['身份证号11010519491231002X。', true],
    ['id=11010519491231002X&x=1', true],
    ['{"residentId":"440304200002291236"}', true],
    ['AB11010519491231002X', true], // letters do not hide it
    ['a\n440304200002291236\nb', true],
    ['110105********002X', false],
    ['1101051949123100', false], // 16 digits
    ['11010519491231002', false], // 17 digits
    ['1101051949123100211', false], // 19 digits: a longer number
    ['4403042000022912361234', false],
    ['1101051949123100X2', false],
    ['津医保罚〔2024〕12号', false],
    ['91350100M000100Y43', false], // a credit code is public
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(containsResidentIdPattern(text)).toBe(expected);
  });
});
