import { maskResidentIdsIn } from './masking';

describe('maskResidentIdsIn', () => {
  it.each([
    ['Variable "$id" got invalid value "11010519491231002X"', 'Variable "$id" got invalid value "110105********002X"'],
    ['two: 11010519491231002x and 440524188001010014.', 'two: 110105********002X and 440524********0014.'],
    ['no id here: 1234567890', 'no id here: 1234567890'],
    ['a longer number 1101051949123100201234 stays', 'a longer number 1101051949123100201234 stays'],
  ])('%s', (input, expected) => {
    expect(maskResidentIdsIn(input)).toBe(expected);
  });
});
