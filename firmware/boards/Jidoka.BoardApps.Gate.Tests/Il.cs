using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace Jidoka.BoardApps.Gate.Tests;

/// <summary>One IL instruction: its opcode and, for token operands, the metadata token.</summary>
internal readonly record struct Instruction(int Offset, OpCode OpCode, int Token, int NextOffset);

/// <summary>A minimal IL decoder: enough to list the instructions of a method body and their token operands.</summary>
internal static class Il
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<Instruction> Decode(byte[] il)
    {
        int i = 0;
        while (i < il.Length)
        {
            int start = i;
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[++i]) : il[i];
            i++;
            if (!OpCodesByValue.TryGetValue(value, out OpCode op))
            {
                throw new InvalidOperationException($"unknown opcode 0x{value:X} at {start}");
            }

            int token = 0;
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                case OperandType.InlineSig:
                case OperandType.InlineString:
                    token = BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.ShortInlineR:
                    i += 4;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    int count = BitConverter.ToInt32(il, i);
                    i += 4 + (4 * count);
                    break;
                default:
                    throw new InvalidOperationException($"operand type {op.OperandType}");
            }

            yield return new Instruction(start, op, token, i);
        }
    }
}
