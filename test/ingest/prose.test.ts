import { describe, expect, it } from 'vitest';
import { textTasks } from './task-fields.js';

const NONE = { kind: 'none' };

describe('readProse: run-in headings', () => {
  it('reads an item whose one unit parenthesis closes several sentences as one task, its first sentence kept', () => {
    const text = [
      '某局2022年政务公开工作要点',
      '一、规范基础信息公开',
      '(一)完善权力配置信息公开。主动公开机关职能等基本信息。坚持以公开为常态、不公开为例外。(责任处室:办公室牵头,法规处负责落实)',
      '(二)加强政策解读。做好政策文件解读工作(办公室)。及时回应社会关切(宣传处)。',
    ].join('\n');
    expect(textTasks(text)).toEqual([
      ['一/(一)', '', '规范基础信息公开', '完善权力配置信息公开。主动公开机关职能等基本信息。坚持以公开为常态、不公开为例外。', ['办公室'], ['法规处'], NONE],
      ['一/(二)', '1', '规范基础信息公开 / 加强政策解读', '做好政策文件解读工作。', ['办公室'], [], NONE],
      ['一/(二)', '2', '规范基础信息公开 / 加强政策解读', '及时回应社会关切。', ['宣传处'], [], NONE],
    ]);
  });
});
