import { safeErrorSerializer } from './error-serializer';

describe('safeErrorSerializer', () => {
  it('drops the statement, parameters and quoted values of a database error, keeping its codes and frames', () => {
    const driverError = Object.assign(new Error("Duplicate entry '110105194912310021' for key 'uq_subject'"), {
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      sqlState: '23000',
      sqlMessage: "Duplicate entry '110105194912310021' for key 'uq_subject'",
      sql: "INSERT INTO subjects (name) VALUES ('张三')",
    });
    const err = Object.assign(new Error(driverError.message), {
      name: 'QueryFailedError',
      query: 'INSERT INTO subjects (name) VALUES (?)',
      parameters: ['张三'],
      driverError,
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      sqlState: '23000',
    });
    const logged = JSON.stringify(safeErrorSerializer(err));
    expect(logged).not.toContain('110105194912310021');
    expect(logged).not.toContain('张三');
    expect(logged).not.toContain('INSERT');
    expect(logged).toContain('ER_DUP_ENTRY');
    expect(logged).toContain('error-serializer.spec');
  });

  it('logs any other error as pino does', () => {
    const logged = safeErrorSerializer(new TypeError('boom'));
    expect(logged).toMatchObject({ type: 'TypeError', message: 'boom' });
    expect(String(logged.stack)).toContain('TypeError: boom');
  });
});
