// Lesson 22 exercises: scaled dot-product attention, its backward pass, and the sinusoidal
// positional encoding. Intro-ANN's outline names "Transformers for Vision & Sequence Modelling" and
// its history of networks ends with "Attention Mechanism" and "Transformer"; it works none out: this
// lesson writes every number itself.
//
// Tokens are ROWS here (as in the formula softmax(Q·Kᵀ/√d)·V): Q has one row per query, K and V one
// row per key.
//
// Write your answers in exercises/22_attention.cpp; check them with ./nn check 22.
#pragma once

#include "nn/types.hpp"

namespace lesson22 {

// What the forward pass computes, kept for the backward pass.
struct Attention {
    nn::Matrix S;  // (T, N): the scores Q·Kᵀ/√d, −∞ where the mask hides a key
    nn::Matrix P;  // (T, N): the weights, softmax of each ROW of S (each row sums to 1)
    nn::Matrix Y;  // (T, dv): the output P·V, row i a weighted mean of V's rows
};

// Exercise 22.1 — scaled dot-product attention. Q is (T, d): T queries; K is (N, d): N keys of the
// same dimension d; V is (N, dv): one value per key. Then
//   S = Q·Kᵀ / √d        S(i, j) = q_i·k_j / √d, d = the queries' and keys' dimension (Q's columns)
//   P = softmax of each row of S    P(i, j) = exp(S(i, j) − m_i) / Σ_j′ exp(S(i, j′) − m_i),
//                                   m_i = the largest score of row i (lesson 10's stable softmax)
//   Y = P·V
// With causal = true, query i may only look at keys j ≤ i: S(i, j) = −∞ for j > i BEFORE the
// softmax, so that those weights come out exactly 0 (a large finite negative number would leave a
// little weight there). causal needs as many queries as keys (T = N).
// Throws std::invalid_argument, naming the shapes, when K has not Q's d columns, V has not K's N
// rows, causal is asked with T ≠ N, or d = 0 or N = 0 (no key to attend to).
Attention attention_forward(const nn::Matrix& Q, const nn::Matrix& K, const nn::Matrix& V, bool causal);

struct AttentionGrads {
    nn::Matrix dQ;  // (T, d)
    nn::Matrix dK;  // (N, d)
    nn::Matrix dV;  // (N, dv)
};

// Exercise 22.2 — the backward pass. Given Q, K, V, the weights P of attention_forward and
// dY = ∂L/∂Y (T, dv):
//   dV = Pᵀ·dY                               (Y = P·V)
//   dP = dY·Vᵀ
//   dS(i, j) = P(i, j)·(dP(i, j) − Σ_j′ P(i, j′)·dP(i, j′))   the softmax's Jacobian, row by row
//   dQ = dS·K / √d        dK = dSᵀ·Q / √d     (S = Q·Kᵀ/√d)
// A masked weight is 0, so its dS is 0 too: the mask needs no code of its own here.
// Throws std::invalid_argument, naming the shapes, when P is not (T, N) or dY is not (T, dv) (with
// the shapes of Q, K and V as attention_forward checks them).
AttentionGrads attention_backward(const nn::Matrix& Q, const nn::Matrix& K, const nn::Matrix& V,
                                  const nn::Matrix& P, const nn::Matrix& dY);

// Exercise 22.3 — the sinusoidal positional encoding of "Attention is all you need" (Vaswani et
// al., 2017), (T, d), row pos for the position pos = 0 .. T − 1 and, for every i with 2i < d,
//   PE(pos, 2i)     = sin(pos / 10000^(2i/d))
//   PE(pos, 2i + 1) = cos(pos / 10000^(2i/d))     (when 2i + 1 < d: an odd d ends on a sine)
// Column pair i is a wave whose wavelength grows from 2π (i = 0) to nearly 10000·2π. Throws
// std::invalid_argument when T or d is negative.
nn::Matrix positional_encoding(nn::Index T, nn::Index d);

}  // namespace lesson22
