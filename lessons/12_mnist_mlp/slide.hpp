// The numbers of deck FruitPunch's MNIST model that lesson 12 reproduces, defined once for the
// printout and the tests.
#pragma once

#include <vector>

#include "nn/print.hpp"

namespace lesson12::slide {

// "model.add(Dense(30, input_dim=784)) ... Dense(30) ... Dense(10) ... Activation('softmax')"
inline const std::vector<int> sizes = {784, 30, 30, 10};
// "dense_1 (None, 30) 23550, dense_2 (None, 30) 930, dense_3 (None, 10) 310, Total params: 24,790"
constexpr nn::SlideValue dense_1{23550, 0}, dense_2{930, 0}, dense_3{310, 0}, total{24790, 0};
// "model.compile(optimizer=SGD(lr=0.001), loss='categorical_crossentropy', metrics=['accuracy'])"
// "H = model.fit(x_train, y_train, batch_size=32, epochs=5, validation_data=(x_test, y_test))"
constexpr double lr = 0.001;
constexpr int batch = 32, epochs = 5;

}  // namespace lesson12::slide
